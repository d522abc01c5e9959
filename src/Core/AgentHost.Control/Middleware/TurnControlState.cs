using AgentHost.Abstractions.Tools;

namespace AgentHost.Control.Middleware;

/// <summary>
/// The control layer's state for one turn, kept in <see cref="ToolCallContext.Items"/>: which occurrence of "this tool with
/// these arguments" each call of the turn is, so that a retried turn (whose call ids a real model makes anew) finds the same
/// approval request and the same intent. Thread-safe (calls of one model response run concurrently).
/// </summary>
internal sealed class TurnControlState
{
    private const string ItemKey = "AgentHost.Control.TurnState";
    private readonly Dictionary<string, int> _byCall = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>The state of the call's turn, created on first use.</summary>
    public static TurnControlState Of(ToolCallContext context)
    {
        var items = context.Items;
        if (items.TryGetValue(ItemKey, out var value) && value is TurnControlState state)
        {
            return state;
        }

        lock (items)
        {
            if (items.TryGetValue(ItemKey, out value) && value is TurnControlState existing)
            {
                return existing;
            }

            var created = new TurnControlState();
            items[ItemKey] = created;
            return created;
        }
    }

    /// <summary>The occurrence (1, 2, ...) of this call among the turn's calls of the same tool with the same arguments; the same number every time it is asked for the same call.</summary>
    public int Occurrence(string callId, string toolName, string argumentsHash)
    {
        lock (_byCall)
        {
            if (_byCall.TryGetValue(callId, out var occurrence))
            {
                return occurrence;
            }

            var key = toolName + "\n" + argumentsHash;
            _counts.TryGetValue(key, out var count);
            _counts[key] = ++count;
            _byCall[callId] = count;
            return count;
        }
    }
}
