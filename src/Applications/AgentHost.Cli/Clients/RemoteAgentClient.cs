using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using AgentHost.AgentCore.Client;
using AgentHost.AgentCore.Contracts;

namespace AgentHost.Cli.Clients;

/// <summary>
/// Talks to a running host over the AgentCore Runtime contract through <see cref="AgentRuntimeClient"/>: a local URL
/// (<c>http://127.0.0.1:8080</c>) or a deployed runtime ARN (InvokeAgentRuntime, SigV4 service <c>bedrock-agentcore</c>, the
/// standard AWS credential chain). This adapter only turns the client's stream events into the CLI's agent events.
/// </summary>
internal sealed class RemoteAgentClient : IAgentClient
{
    private readonly AgentRuntimeClient _client;

    internal RemoteAgentClient(AgentRuntimeClient client, string description)
    {
        _client = client;
        Description = description;
    }

    public string Description { get; }

    public bool HasStore => false;

    /// <summary>Creates the client for a URL or a runtime ARN.</summary>
    /// <exception cref="ArgumentException">The target is neither an http(s) URL nor an AgentCore runtime ARN.</exception>
    public static RemoteAgentClient Create(string target, string? region)
    {
        var runtimeTarget = AgentRuntimeTarget.Parse(target, region);
        var description = runtimeTarget.IsRuntimeArn ? $"Remote {runtimeTarget.Description}" : $"Remote host {runtimeTarget.InvocationsUri}";
        return new RemoteAgentClient(new AgentRuntimeClient(runtimeTarget), description);
    }

    public async IAsyncEnumerable<AgentEvent> RunTurnAsync(string sessionId, string prompt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new AgentRuntimeRequest { SessionId = sessionId, Prompt = prompt, Channel = "CLI" };
        await foreach (var item in _client.InvokeStreamingAsync(request, cancellationToken))
        {
            switch (item)
            {
                case InvocationTextDelta delta:
                    yield return new TextDeltaEvent(delta.Text, 0);
                    break;
                case InvocationToolCall { Progress: var progress } when progress.Phase == ToolCallProgress.Started:
                    yield return new ToolCallStartedEvent(progress.ToolUseId, progress.Name, progress.Input);
                    break;
                case InvocationToolCall { Progress: var progress }:
                    var status = ToolCallStatusNames.Parse(progress.Status ?? ToolCallStatus.Success.ToWireName());
                    yield return new ToolCallFinishedEvent(new ToolCallRecord(progress.ToolUseId, progress.Name, progress.Input, status, progress.DurationMs ?? 0));
                    break;
                case InvocationCompleted completed:
                    yield return new CliTurnFinished(completed.Response);
                    break;
                case InvocationFailed failed:
                    throw new InvalidOperationException($"The turn failed: {failed.Error.Error} ({failed.Error.ErrorType})");
            }
        }
    }

    public Task<IReadOnlyList<SessionHeader>> ListSessionsAsync(int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Sessions are stored by the remote host; run 'agenthost sessions' where the store is reachable.");

    public IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("History is stored by the remote host; run 'agenthost sessions show' where the store is reachable.");

    public Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Sessions are stored by the remote host.");

    public Task<IReadOnlyList<(string Name, string Description)>> ListToolsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The remote host does not publish its tool list; see its start-up log.");

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}
