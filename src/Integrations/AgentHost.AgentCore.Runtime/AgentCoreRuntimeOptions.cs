namespace AgentHost.AgentCore.Runtime;

/// <summary>Options of the AgentCore Runtime HTTP contract.</summary>
public sealed class AgentCoreRuntimeOptions
{
    /// <summary>The largest accepted <c>/invocations</c> body in bytes; larger bodies get 413. Default: 100 MB (the AgentCore payload limit).</summary>
    public long MaxRequestBodyBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>
    /// On shutdown, how long in-flight turns may continue before they are cancelled (cancelled turns are still stored
    /// consistently). Keep it below the host's shutdown timeout. Default: 20 seconds.
    /// </summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The longest a turn may run in the background after its caller stopped waiting (<c>waitMs</c>), when the caller set no
    /// <c>timeoutMs</c>; the turn is then cancelled and stored as <c>cancelled</c>. Default: 15 minutes.
    /// </summary>
    public TimeSpan DetachedTurnTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The maximum session id length accepted. Default: 256 (the AgentCore limit).</summary>
    public int MaxSessionIdLength { get; set; } = 256;

    /// <summary>Which parts of an invocation say who the caller is (for the policy's caller profiles). Default: nothing is trusted.</summary>
    public Identity.CallerIdentityOptions CallerIdentity { get; } = new();
}
