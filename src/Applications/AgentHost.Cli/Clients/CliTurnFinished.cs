using AgentHost.Abstractions.Agents;
using AgentHost.AgentCore.Contracts;

namespace AgentHost.Cli.Clients;

/// <summary>The last event of a turn in the CLI: the wire-shaped summary (the same as the HTTP response).</summary>
/// <param name="Response">The summary.</param>
internal sealed record CliTurnFinished(InvocationResponse Response) : AgentEvent;
