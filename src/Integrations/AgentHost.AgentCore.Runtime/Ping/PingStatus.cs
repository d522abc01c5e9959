namespace AgentHost.AgentCore.Runtime.Ping;

/// <summary>The health status reported on <c>GET /ping</c>.</summary>
public enum PingStatus
{
    /// <summary>Ready, with no background work: the platform may stop an idle session.</summary>
    Healthy,

    /// <summary>Background work of the session is running (e.g. an approval being awaited): keep the session alive.</summary>
    HealthyBusy,
}
