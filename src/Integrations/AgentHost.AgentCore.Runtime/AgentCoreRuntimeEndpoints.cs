using AgentHost.AgentCore.Contracts;
using AgentHost.AgentCore.Runtime.Invocations;
using AgentHost.AgentCore.Runtime.Ping;
using AgentHost.AgentCore.Runtime.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AgentHost.AgentCore.Runtime;

/// <summary>
/// The two request handlers of the contract over services resolved once (all singletons): no per-request service lookups,
/// and no RequestDelegateFactory (which compiles expression trees at start-up). Shared by the routed endpoints and the
/// terminal middleware.
/// </summary>
internal sealed class AgentCoreRuntimeEndpoints
{
    public const string PingPath = RuntimePaths.Ping;
    public const string InvocationsPath = RuntimePaths.Invocations;

    private readonly PingStatusTracker _tracker;
    private readonly RuntimeReadiness _readiness;

    private AgentCoreRuntimeEndpoints(PingStatusTracker tracker, RuntimeReadiness readiness, InvocationHandler handler)
    {
        _tracker = tracker;
        _readiness = readiness;
        Ping = PingAsync;
        Invocations = handler.HandleAsync;
    }

    /// <summary><c>GET /ping</c>: 503 while <see cref="RuntimeReadiness"/> says the host is starting, else the status.</summary>
    public RequestDelegate Ping { get; }

    /// <summary><c>POST /invocations</c>.</summary>
    public RequestDelegate Invocations { get; }

    /// <summary>Resolves the handlers; creates the ping tracker now, as <c>time_of_last_update</c> is the start-up time.</summary>
    /// <exception cref="InvalidOperationException"><c>AddAgentCoreRuntime</c> was not called.</exception>
    public static AgentCoreRuntimeEndpoints Create(IServiceProvider services, string caller)
    {
        if (services.GetService<AgentCoreRuntimeMarker>() is null)
        {
            throw new InvalidOperationException($"Unable to find the AgentCore runtime services. Call services.AddAgentCoreRuntime() before {caller}.");
        }

        return new AgentCoreRuntimeEndpoints(
            services.GetRequiredService<PingStatusTracker>(),
            services.GetRequiredService<RuntimeReadiness>(),
            services.GetRequiredService<InvocationHandler>());
    }

    private Task PingAsync(HttpContext context)
    {
        if (!_readiness.IsReady)
        {
            return JsonBodyResult.Create(
                new ErrorResponse { Error = "Starting", Details = "The host is still starting (discovering its tools)." },
                AgentCoreJsonContext.Default.ErrorResponse,
                StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
        }

        var (status, time) = _tracker.Current;
        return JsonBodyResult.Create(new PingResponse { Status = status == PingStatus.HealthyBusy ? PingStatusNames.HealthyBusy : PingStatusNames.Healthy, TimeOfLastUpdate = time }, AgentCoreJsonContext.Default.PingResponse).ExecuteAsync(context);
    }
}
