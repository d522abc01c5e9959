namespace AgentHost.Abstractions.Control;

/// <summary>How much harm a tool call can do, as a policy rule classifies it.</summary>
public enum RiskLevel
{
    /// <summary>Reads, drafts, reversible changes.</summary>
    Low,

    /// <summary>Changes records or notifies people.</summary>
    Medium,

    /// <summary>Moves money, deletes, or cannot be undone.</summary>
    High,
}
