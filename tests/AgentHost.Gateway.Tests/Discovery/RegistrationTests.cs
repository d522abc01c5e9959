using AgentHost.Abstractions.Tools;
using AgentHost.Gateway.DependencyInjection;
using AgentHost.Gateway.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentHost.Gateway.Tests.Discovery;

public sealed class RegistrationTests
{
    [Fact]
    public void AddAgentCoreGateways_CalledTwice_RegistersTheProviderStatusAndOneRefreshService()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAgentCoreGateways(o => o.ReadEnvironment = false);
        services.AddAgentCoreGateways(o => o.SelectionSize = 7);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<GatewayToolProvider>(provider.GetRequiredService<IToolProvider>());
        Assert.Empty(provider.GetRequiredService<IGatewayStatusProvider>().GetStatus());
        Assert.Single(provider.GetServices<IHostedService>());
        Assert.Equal(7, provider.GetRequiredService<Gateway.Catalog.GatewayToolCatalog>().Options.SelectionSize);
    }

    [Fact]
    public void AddAgentCoreGateways_IToolProviderRegisteredFirst_DoesNotReplaceIt()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IToolProvider>(StaticToolProvider.Empty);
        services.AddAgentCoreGateways(o => o.ReadEnvironment = false);
        using var provider = services.BuildServiceProvider();

        Assert.Same(StaticToolProvider.Empty, provider.GetRequiredService<IToolProvider>());
        Assert.NotNull(provider.GetRequiredService<GatewayToolProvider>());
    }
}
