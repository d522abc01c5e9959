namespace AgentHost.AgentCore.Contracts;

/// <summary>The values of <see cref="PingResponse.Status"/>.</summary>
public static class PingStatusNames
{
    /// <summary>Ready, with no background work: the platform may stop an idle session.</summary>
    public const string Healthy = "Healthy";

    /// <summary>Background work of the session is running (e.g. an approval being awaited): keep the session alive.</summary>
    public const string HealthyBusy = "HealthyBusy";
}
