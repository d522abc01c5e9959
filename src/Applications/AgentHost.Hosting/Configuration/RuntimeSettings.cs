namespace AgentHost.Hosting.Configuration;

/// <summary>The runtime HTTP host (section <c>Runtime</c>).</summary>
public sealed class RuntimeSettings
{
    /// <summary>Largest accepted request body in bytes. Default: 104857600 (100 MB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Seconds in-flight turns may continue after shutdown began. Default: 20.</summary>
    public double DrainTimeoutSeconds { get; set; } = 20;

    /// <summary>Longest wait at start-up for the first discovery of the gateway tools, in seconds; <c>/ping</c> answers 503 meanwhile. Default: 10.</summary>
    public double GatewayStartupWaitSeconds { get; set; } = 10;

    /// <summary>Log format of the server: <c>text</c> (one line per entry) or <c>json</c> (structured, for CloudWatch). Default: <c>text</c>.</summary>
    public string LogFormat { get; set; } = "text";

    /// <summary>
    /// Minimum level of the server's logs: <c>Trace</c>, <c>Debug</c>, <c>Information</c>, <c>Warning</c>, <c>Error</c>, <c>Critical</c> or
    /// <c>None</c>. Default: <c>Information</c>. Finer rules per category still come from the <c>Logging</c> section of <c>appsettings.json</c>.
    /// </summary>
    public string LogLevel { get; set; } = "Information";
}
