using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>The runtime HTTP host (section <c>Runtime</c>).</summary>
public sealed class RuntimeSettings
{
    /// <summary>Largest accepted request body in bytes, 1 to 104857600; larger bodies get 413. Default: 104857600 (100 MB).</summary>
    [Range(1d, 100d * 1024 * 1024)]
    [Setting(Unit = "bytes")]
    public long MaxRequestBodyBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Seconds in-flight turns may continue after shutdown began, 0 to 600. Default: 20.</summary>
    [Range(0, 600)]
    [Setting(Unit = "seconds")]
    public double DrainTimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// Longest wait at start-up for the first discovery of the gateway tools, in seconds, 0 to 300; <c>/ping</c> answers 503
    /// meanwhile. Default: 10.
    /// </summary>
    [Range(0, 300)]
    [Setting(Aliases = ["AGENTHOST_GATEWAY_STARTUP_WAIT_SECONDS"], Unit = "seconds")]
    public double GatewayStartupWaitSeconds { get; set; } = 10;

    /// <summary>Log format of the server: <c>text</c> (one line per entry) or <c>json</c> (structured, for CloudWatch). Default: <c>text</c>.</summary>
    [AllowedValues("text", "json")]
    [Setting(Aliases = ["AGENTHOST_LOG_FORMAT"])]
    public string LogFormat { get; set; } = "text";

    /// <summary>
    /// Minimum level of the server's logs: <c>Trace</c>, <c>Debug</c>, <c>Information</c>, <c>Warning</c>, <c>Error</c>, <c>Critical</c> or
    /// <c>None</c>. Default: <c>Information</c>. Finer rules per category still come from the <c>Logging</c> section of <c>appsettings.json</c>.
    /// </summary>
    [AllowedValues("Trace", "Debug", "Information", "Warning", "Error", "Critical", "None")]
    [Setting(Aliases = ["AGENTHOST_LOG_LEVEL"])]
    public string LogLevel { get; set; } = "Information";
}
