using AgentHost.AgentCore.Runtime.Invocations;
using AgentHost.AgentCore.Runtime.Ping;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentHost.AgentCore.Runtime;

/// <summary>Registers the AgentCore Runtime HTTP contract.</summary>
public static class AgentCoreRuntimeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the services behind <c>GET /ping</c> and <c>POST /invocations</c>. Requires an <c>AgentSessionService</c>
    /// registration (the composition layer adds it). Call <see cref="AgentCoreRuntimeEndpointRouteBuilderExtensions.MapAgentCoreRuntime"/> to map the endpoints.
    /// </summary>
    public static IServiceCollection AddAgentCoreRuntime(this IServiceCollection services, Action<AgentCoreRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<AgentCoreRuntimeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new PingStatusTracker(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RuntimeReadiness>();
        services.TryAddSingleton<TurnDrain>();
        services.TryAddSingleton<DetachedTurnRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, DetachedTurnShutdown>());
        services.TryAddSingleton<InvocationHandler>();
        services.TryAddSingleton<AgentCoreRuntimeMarker>();
        return services;
    }
}
