namespace AgentHost.Connect.Bridge;

/// <summary>Why a turn call failed.</summary>
public enum AgentTurnFailure
{
    /// <summary>No failure.</summary>
    None,

    /// <summary>The runtime could not be reached (connection refused, DNS, TLS) or did not answer in time.</summary>
    Unreachable,

    /// <summary>The runtime throttled the call (429, quota).</summary>
    Throttled,

    /// <summary>The runtime answered 5xx, or the turn ended with an error.</summary>
    ServerError,

    /// <summary>The runtime rejected the call (4xx other than throttling): configuration or permissions.</summary>
    Rejected,
}
