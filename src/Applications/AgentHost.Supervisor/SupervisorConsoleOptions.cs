namespace AgentHost.Supervisor;

/// <summary>How the console listens and whom it lets in (the <c>Supervisor</c> settings; see the README's "Supervisor console" section).</summary>
public sealed class SupervisorConsoleOptions
{
    /// <summary>The address to listen on. Default: <c>http://127.0.0.1:5140</c> (port 0 picks a free port).</summary>
    public string Url { get; set; } = "http://127.0.0.1:5140";

    /// <summary>The OIDC issuer whose JWTs are accepted (signing keys from its discovery document). Null: development mode.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience the JWTs must carry (required with <see cref="Authority"/>).</summary>
    public string? Audience { get; set; }

    /// <summary>The claim holding the roles. Default: <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Origins allowed to frame the escalation page (space-separated), e.g. the Amazon Connect agent workspace. Default: none.</summary>
    public string? FrameAncestors { get; set; }

    /// <summary>How often a live page's server loop reads the shared store for new activity. Default: 150 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>How long the development token stays valid. Default: 12 hours.</summary>
    public TimeSpan DevelopmentTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>True when no <see cref="Authority"/> is configured: loopback only, a generated signing key and token.</summary>
    public bool DevelopmentMode => string.IsNullOrWhiteSpace(Authority);
}
