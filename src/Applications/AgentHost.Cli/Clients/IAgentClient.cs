using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;

namespace AgentHost.Cli.Clients;

/// <summary>What the CLI needs from an agent: run turns, and (in process) read the conversation store and the tools.</summary>
internal interface IAgentClient : IAsyncDisposable
{
    /// <summary>One line saying what the agent runs with (model, store, tools) and how to switch.</summary>
    string Description { get; }

    /// <summary>True when sessions can be listed and read (in-process mode).</summary>
    bool HasStore { get; }

    /// <summary>Runs a turn and streams its events; the last is a <see cref="CliTurnFinished"/>.</summary>
    IAsyncEnumerable<AgentEvent> RunTurnAsync(string sessionId, string prompt, CancellationToken cancellationToken);

    /// <summary>Lists recent sessions.</summary>
    Task<IReadOnlyList<SessionHeader>> ListSessionsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Reads a session's turns.</summary>
    IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>Deletes a session.</summary>
    Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken);

    /// <summary>The tools the agent can use: name and description.</summary>
    Task<IReadOnlyList<(string Name, string Description)>> ListToolsAsync(CancellationToken cancellationToken);
}
