namespace AgentHost.Abstractions.Agents;

/// <summary>The caller-visible summary of a finished turn: what the invocation response carries and what an idempotent retry returns.</summary>
/// <param name="Text">The assistant's final text for the turn (may be empty).</param>
/// <param name="StopReason">What ended the turn.</param>
/// <param name="ToolCalls">Every tool call of the turn, in the order the model asked for them (resumed calls first).</param>
/// <param name="Usage">Token usage summed over every model call of the turn.</param>
/// <param name="Cycles">How many model calls the turn made.</param>
/// <param name="ErrorMessage">Why the turn failed, when <paramref name="StopReason"/> is <see cref="StopReason.Error"/>.</param>
/// <param name="PendingCalls">The calls this turn suspended (see <see cref="Tools.ToolCallOutcome.Suspend"/>); null for none.</param>
public sealed record TurnOutcome(
    string Text,
    StopReason StopReason,
    IReadOnlyList<ToolCallRecord> ToolCalls,
    TokenUsage Usage,
    int Cycles,
    string? ErrorMessage = null,
    IReadOnlyList<PendingToolCall>? PendingCalls = null);
