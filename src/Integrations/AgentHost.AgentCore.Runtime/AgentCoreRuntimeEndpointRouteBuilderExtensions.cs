using AgentHost.AgentCore.Runtime.Invocations;
using AgentHost.AgentCore.Runtime.Ping;
using AgentHost.AgentCore.Runtime.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AgentHost.AgentCore.Runtime;

/// <summary>Maps the AgentCore Runtime HTTP contract.</summary>
public static class AgentCoreRuntimeEndpointRouteBuilderExtensions
{
    /// <summary>Maps <c>GET /ping</c> and <c>POST /invocations</c>. <c>/ping</c> answers 503 while <see cref="RuntimeReadiness"/> says the host is starting.</summary>
    /// <exception cref="InvalidOperationException"><c>AddAgentCoreRuntime</c> was not called.</exception>
    public static IEndpointConventionBuilder MapAgentCoreRuntime(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<AgentCoreRuntimeMarker>() is null)
        {
            throw new InvalidOperationException("Unable to find the AgentCore runtime services. Call services.AddAgentCoreRuntime() before app.MapAgentCoreRuntime().");
        }

        // time_of_last_update is the start-up time: create the tracker now, not at the first ping.
        // Plain RequestDelegates over services resolved once (all singletons): no per-request service lookups, and no
        // RequestDelegateFactory, which compiles expression trees at start-up.
        var tracker = endpoints.ServiceProvider.GetRequiredService<PingStatusTracker>();
        var readiness = endpoints.ServiceProvider.GetRequiredService<RuntimeReadiness>();
        var handler = endpoints.ServiceProvider.GetRequiredService<InvocationHandler>();
        var group = endpoints.MapGroup(string.Empty);
        group.MapGet("/ping", new RequestDelegate(context => PingAsync(context, tracker, readiness)));
        group.MapPost("/invocations", new RequestDelegate(handler.HandleAsync));
        return group;
    }

    private static Task PingAsync(HttpContext context, PingStatusTracker tracker, RuntimeReadiness readiness)
    {
        if (!readiness.IsReady)
        {
            return JsonBodyResult.Create(
                new ErrorResponse { Error = "Starting", Details = "The host is still starting (discovering its tools)." },
                RuntimeJsonContext.Default.ErrorResponse,
                StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
        }

        var (status, time) = tracker.Current;
        return JsonBodyResult.Create(new PingResponse { Status = status.ToString(), TimeOfLastUpdate = time }, RuntimeJsonContext.Default.PingResponse).ExecuteAsync(context);
    }
}
