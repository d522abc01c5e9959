using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Agents;

/// <summary>The full result of one agent turn: the outcome plus the messages the turn added to the conversation.</summary>
/// <param name="Outcome">The caller-visible summary.</param>
/// <param name="NewMessages">
/// The messages this turn added, starting with the user's message. The list is always consistent:
/// every tool call in it is followed by its result, even when the turn was cancelled or ran out of time.
/// </param>
public sealed record AgentTurnResult(TurnOutcome Outcome, IReadOnlyList<ChatMessage> NewMessages);
