using System.Collections;
using AgentHost.Abstractions.Tools;
using AgentHost.Aws.Credentials;
using AgentHost.Gateway.Catalog;
using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.Connections;
using AgentHost.Gateway.Selection;
using AgentHost.Gateway.Status;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AgentHost.Gateway.DependencyInjection;

/// <summary>Registers the AgentCore Gateway tool integration.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GatewayToolProvider"/> (also as <see cref="IToolProvider"/> unless one is registered), the
    /// <see cref="IGatewayStatusProvider"/> and the hosted service that discovers, caches and refreshes the catalogs. Gateways come from <paramref name="configure"/> and,
    /// unless <see cref="GatewayToolOptions.ReadEnvironment"/> is false, from <c>AGENTCORE_GATEWAY_&lt;NAME&gt;_*</c> variables.
    /// With no gateway the host runs without gateway tools and logs that once. Uses a registered <see cref="TimeProvider"/>
    /// (default <see cref="TimeProvider.System"/>) and, for AWS_IAM gateways, a registered <see cref="IAwsCredentialsProvider"/>
    /// (default: the standard AWS credential chain).
    /// </summary>
    /// <remarks>Calling it again only adds the further <paramref name="configure"/> action.</remarks>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options (gateways, refresh interval, selection).</param>
    /// <returns>A builder for further configuration.</returns>
    public static GatewayToolsBuilder AddAgentCoreGateways(this IServiceCollection services, Action<GatewayToolOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var optionsBuilder = services.AddOptions<GatewayToolOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        var alreadyAdded = services.Any(d => d.ServiceType == typeof(GatewayToolCatalog));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(CreateCatalog);
        services.TryAddSingleton(sp => new ToolSelector(
            sp.GetRequiredService<GatewayToolCatalog>().Options,
            (sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("AgentHost.Gateway")));
        services.TryAddSingleton(sp => new GatewayToolProvider(
            sp.GetRequiredService<GatewayToolCatalog>(),
            sp.GetRequiredService<ToolSelector>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IToolProvider>(sp => sp.GetRequiredService<GatewayToolProvider>());
        services.TryAddSingleton<IGatewayStatusProvider>(sp => new GatewayStatusProvider(sp.GetRequiredService<GatewayToolCatalog>()));
        if (alreadyAdded)
        {
            return new GatewayToolsBuilder(services);
        }

        services.AddHostedService(sp => new GatewayRefreshService(
            sp.GetRequiredService<GatewayToolCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        return new GatewayToolsBuilder(services);
    }

    private static GatewayToolCatalog CreateCatalog(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<GatewayToolOptions>>().Value;
        IReadOnlyList<string> problems = options.ReadEnvironment
            ? GatewayEnvironment.Apply(options, (IDictionary)Environment.GetEnvironmentVariables())
            : [];
        return new GatewayToolCatalog(options, problems, new GatewayConnectionServices(
            services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            services.GetRequiredService<TimeProvider>(),
            GatewayHttpPipeline.CreatePrimaryHandler,
            services.GetService<IAwsCredentialsProvider>(),
            options.ConfigureClient));
    }
}
