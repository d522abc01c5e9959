using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace AgentHost.AgentCore.Runtime;

/// <summary>Maps the AgentCore Runtime HTTP contract as routed endpoints (for an application that has endpoints of its own).</summary>
public static class AgentCoreRuntimeEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>GET /ping</c> and <c>POST /invocations</c>. <c>/ping</c> answers 503 while <see cref="Ping.RuntimeReadiness"/> says the host is starting.</summary>
    /// <remarks>A host that serves nothing else can use <see cref="AgentCoreRuntimeApplicationBuilderExtensions.UseAgentCoreRuntime"/> instead, without endpoint routing.</remarks>
    /// <exception cref="InvalidOperationException"><c>AddAgentCoreRuntime</c> was not called.</exception>
    public static IEndpointConventionBuilder MapAgentCoreRuntime(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handlers = AgentCoreRuntimeEndpoints.Create(endpoints.ServiceProvider, "app.MapAgentCoreRuntime()");
        var group = endpoints.MapGroup(string.Empty);
        group.MapGet(AgentCoreRuntimeEndpoints.PingPath, handlers.Ping);
        group.MapPost(AgentCoreRuntimeEndpoints.InvocationsPath, handlers.Invocations);
        return group;
    }
}
