using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Tools;

namespace AgentHost.Core.Sessions;

/// <summary>Finds the tool calls of a session that a middleware suspended and no later turn resolved.</summary>
internal static class SuspendedCalls
{
    /// <summary>
    /// The unresolved suspensions of <paramref name="turns"/> (oldest first), in the order they were suspended. A suspension is
    /// resolved by a later tool call record carrying its id with any status other than pending.
    /// </summary>
    public static IReadOnlyList<ToolCallResumption> Find(IReadOnlyList<TurnRecord> turns)
    {
        List<ToolCallResumption>? open = null;
        foreach (var turn in turns)
        {
            var outcome = turn.Outcome;
            if (open is not null)
            {
                foreach (var call in outcome.ToolCalls)
                {
                    if (call.SuspensionId is { } id && call.Status != Abstractions.Agents.ToolCallStatus.Pending)
                    {
                        open.RemoveAll(r => string.Equals(r.Call.Suspension.Id, id, StringComparison.Ordinal));
                    }
                }
            }

            if (outcome.PendingCalls is { Count: > 0 } pending)
            {
                open ??= [];
                foreach (var call in pending)
                {
                    open.Add(new ToolCallResumption(call, turn.TurnId));
                }
            }
        }

        return open is null ? [] : open;
    }
}
