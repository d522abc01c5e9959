namespace AgentHost.Hosting.Configuration;

/// <summary>The runtime HTTP host (section <c>Runtime</c>).</summary>
public sealed class RuntimeSettings
{
    /// <summary>Largest accepted request body in bytes. Default: 104857600 (100 MB).</summary>
    public long MaxRequestBodyBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Seconds in-flight turns may continue after shutdown began. Default: 20.</summary>
    public double DrainTimeoutSeconds { get; set; } = 20;
}
