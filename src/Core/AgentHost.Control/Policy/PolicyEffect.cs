namespace AgentHost.Control.Policy;

/// <summary>Whether a rule lets a call go ahead (perhaps after approval) or refuses it.</summary>
public enum PolicyEffect
{
    /// <summary>The call may run (after approval when the rule requires one).</summary>
    Allow,

    /// <summary>The call is refused.</summary>
    Deny,
}
