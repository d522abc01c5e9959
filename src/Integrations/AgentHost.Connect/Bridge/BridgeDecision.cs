using AgentHost.Connect.Routing;

namespace AgentHost.Connect.Bridge;

/// <summary>What the bridge answers for one event, before it is written in the caller's format.</summary>
public sealed class BridgeDecision
{
    /// <summary>The text for the customer, as the agent wrote it (prepared for the channel by the writer).</summary>
    public required string Text { get; init; }

    /// <summary>Where the contact goes.</summary>
    public required ConnectRoute Route { get; init; }

    /// <summary>The turn counter after this event.</summary>
    public required int Counter { get; init; }

    /// <summary>The turn left running, to collect with the next event.</summary>
    public string? PendingTurnId { get; init; }

    /// <summary>The words of the pending turn.</summary>
    public string? PendingPrompt { get; init; }

    /// <summary>How many fillers in a row the pending turn has cost (0 without a pending turn).</summary>
    public int Fillers { get; init; }

    /// <summary>On Escalate: the summary for the human agent.</summary>
    public string? EscalationSummary { get; init; }
}
