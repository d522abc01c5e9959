namespace AgentHost.AgentCore.Runtime.Ping;

/// <summary>
/// Whether the host has finished starting (for example discovering its gateway tools). Until it has, <c>GET /ping</c>
/// answers 503 so that the platform (or a load balancer) does not route the first invocation to a host without tools.
/// Ready by default; an application that needs a warm-up calls <see cref="MarkStarting"/> before it starts listening
/// and <see cref="MarkReady"/> when done (bounded: a gateway that is down must not keep the host unready).
/// </summary>
public sealed class RuntimeReadiness
{
    private volatile bool _ready = true;

    /// <summary>True once the host is ready.</summary>
    public bool IsReady => _ready;

    /// <summary>Marks the host as starting: <c>/ping</c> answers 503 until <see cref="MarkReady"/>.</summary>
    public void MarkStarting() => _ready = false;

    /// <summary>Marks the host as ready.</summary>
    public void MarkReady() => _ready = true;
}
