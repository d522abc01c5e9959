using Microsoft.Extensions.DependencyInjection;

namespace AgentHost.Gateway.DependencyInjection;

/// <summary>Returned by <see cref="GatewayServiceCollectionExtensions.AddAgentCoreGateways"/> to add further configuration.</summary>
public sealed class GatewayToolsBuilder
{
    internal GatewayToolsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; }
}
