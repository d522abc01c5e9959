using System.Text.Json;
using AgentHost.AgentCore.Client;
using AgentHost.AgentCore.Contracts;
using AgentHost.Connect.Bridge;
using AgentHost.Connect.Lambda.Configuration;
using AgentHost.Connect.Lambda.Logging;
using Microsoft.Extensions.Logging;

namespace AgentHost.Connect.Lambda;

/// <summary>
/// Runs the bridge's turns through <see cref="AgentRuntimeClient"/> (InvokeAgentRuntime, SigV4, retries bounded by the
/// deadline, turn-id idempotency): it asks the runtime to answer by the bridge's moment (<c>waitMs</c>) and to go on with the
/// turn for <see cref="ConnectBridgeOptions.TurnTimeout"/> (<c>timeoutMs</c>), and maps the outcome for the bridge. Never throws
/// for a runtime failure.
/// </summary>
internal sealed class RuntimeInvoker : IAgentTurnInvoker, IDisposable
{
    /// <summary>The most kept back from the wait for the trip to the runtime and back (a quarter of the wait when that is less).</summary>
    private static readonly TimeSpan MaxTransitAllowance = TimeSpan.FromSeconds(1);

    private readonly AgentRuntimeClient _client;
    private readonly TimeProvider _time;

    private RuntimeInvoker(AgentRuntimeClient client, TimeProvider time)
    {
        _client = client;
        _time = time;
    }

    /// <summary>Creates the invoker for the configured runtime.</summary>
    public static RuntimeInvoker Create(LambdaSettings settings, ConnectBridgeOptions options, ILogger logger, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        var target = AgentRuntimeTarget.ForRuntimeArn(settings.RuntimeArn, settings.Qualifier, settings.Region, settings.Endpoint is null ? null : new Uri(settings.Endpoint));
        var clientOptions = new AgentRuntimeClientOptions { ConnectTimeout = TimeSpan.FromSeconds(2) };
        var client = new AgentRuntimeClient(target, clientOptions, new EnvironmentCredentialsProvider(), transport, TimeProvider.System, new ForwardingLogger<AgentRuntimeClient>(logger));
        return new RuntimeInvoker(client, TimeProvider.System);
    }

    /// <inheritdoc />
    public async Task<AgentTurnOutcome> InvokeAsync(AgentTurnCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var wait = call.ReplyBy - _time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return AgentTurnOutcome.Running();
        }

        try
        {
            var response = await _client.InvokeAsync(
                new AgentRuntimeRequest
                {
                    SessionId = call.SessionId,
                    TurnId = call.TurnId,
                    Prompt = call.Prompt,
                    // The runtime answers "running" this much before the bridge's moment, so that its answer is back in time.
                    Deadline = call.ReplyBy,
                    WaitFor = wait - (wait / 4 < MaxTransitAllowance ? wait / 4 : MaxTransitAllowance),
                    TurnTimeout = call.TurnTimeout,
                    Channel = call.Channel,
                    Language = call.Language,
                    ContactId = call.ContactId,
                    CustomerId = call.CustomerId,
                    Attributes = call.Attributes,
                },
                cancellationToken).ConfigureAwait(false);
            if (response.StopReason == InvocationStopReasons.Running)
            {
                return AgentTurnOutcome.Running();
            }

            var tools = response.ToolCalls.Select(t => new AgentToolCall(t.Name, t.Status, t.Input.ValueKind == JsonValueKind.Undefined ? null : t.Input)).ToList();
            return AgentTurnOutcome.Completed(response.Text, response.StopReason, tools, response.Replayed);
        }
        catch (AgentRuntimeException ex)
        {
            return ex.Kind switch
            {
                // The request reached the runtime but the answer did not come back in time: the turn may well be running
                // there (a cold session, a slow start); the next event collects it with the same turn id.
                AgentRuntimeErrorKind.DeadlineExceeded => AgentTurnOutcome.Running(),
                AgentRuntimeErrorKind.Throttling or AgentRuntimeErrorKind.ServiceQuotaExceeded => Failed(AgentTurnFailure.Throttled, ex),
                AgentRuntimeErrorKind.Connection or AgentRuntimeErrorKind.Timeout => Failed(AgentTurnFailure.Unreachable, ex),
                AgentRuntimeErrorKind.Validation or AgentRuntimeErrorKind.AccessDenied or AgentRuntimeErrorKind.NotFound
                    or AgentRuntimeErrorKind.CredentialsUnavailable => Failed(AgentTurnFailure.Rejected, ex),
                _ => Failed(AgentTurnFailure.ServerError, ex),
            };
        }
        catch (ArgumentException ex)
        {
            return AgentTurnOutcome.Failed(AgentTurnFailure.Rejected, ex.GetType().Name);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static AgentTurnOutcome Failed(AgentTurnFailure failure, AgentRuntimeException ex)
        => AgentTurnOutcome.Failed(failure, $"{ex.ErrorType}, HTTP {(ex.StatusCode is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}, {ex.Attempts} attempt(s)");
}
