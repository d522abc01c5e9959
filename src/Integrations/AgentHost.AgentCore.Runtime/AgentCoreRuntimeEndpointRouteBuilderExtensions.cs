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
        _ = endpoints.ServiceProvider.GetRequiredService<PingStatusTracker>();
        var group = endpoints.MapGroup(string.Empty);
        group.MapGet("/ping", (PingStatusTracker tracker, RuntimeReadiness readiness) =>
        {
            if (!readiness.IsReady)
            {
                return Results.Json(
                    new ErrorResponse { Error = "Starting", Details = "The host is still starting (discovering its tools)." },
                    RuntimeJsonContext.Default.ErrorResponse,
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }

            var (status, time) = tracker.Current;
            return Results.Json(new PingResponse { Status = status.ToString(), TimeOfLastUpdate = time }, RuntimeJsonContext.Default.PingResponse);
        });
        group.MapPost("/invocations", (HttpContext context, InvocationHandler handler) => handler.HandleAsync(context));
        return group;
    }
}
