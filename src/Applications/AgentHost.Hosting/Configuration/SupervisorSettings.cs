using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>Supervision: the live activity feed, supervisor guidance, escalation, and the supervisor console (section <c>Supervisor</c>).</summary>
public sealed class SupervisorSettings
{
    /// <summary>
    /// Publish every turn's activity to the shared store and apply supervisor guidance before model calls. Default: true.
    /// With the in-memory store the feed stays in the process (a console in another process sees nothing).
    /// </summary>
    [Setting(Aliases = ["AGENTHOST_SUPERVISOR"])]
    public bool Enabled { get; set; } = true;

    /// <summary>How often buffered activity events of a running turn are written, in milliseconds (50 to 5,000); a turn's start and end are written at once. Default: 250.</summary>
    [Range(50, 5_000)]
    [Setting(Aliases = ["AGENTHOST_SUPERVISOR_FLUSH_INTERVAL_MS"], Unit = "ms")]
    public int FlushIntervalMs { get; set; } = 250;

    /// <summary>The most activity events kept per turn (8 to 1,000); beyond it one event counts the dropped ones. Default: 64.</summary>
    [Range(8, 1_000)]
    [Setting(Aliases = ["AGENTHOST_SUPERVISOR_MAX_EVENTS_PER_TURN"])]
    public int MaxEventsPerTurn { get; set; } = 64;

    /// <summary>
    /// How long a read that found no pending guidance is reused by later model calls of the same turn, in milliseconds (0 to
    /// 10,000). The first model call of every turn always reads. Default: 1,000.
    /// </summary>
    [Range(0, 10_000)]
    [Setting(Aliases = ["AGENTHOST_SUPERVISOR_GUIDANCE_CACHE_MS"], Unit = "ms")]
    public int GuidanceCacheMs { get; set; } = 1_000;

    /// <summary>Hours the activity feed is kept (1 to 2,160): the DynamoDB TTL, and the SQLite purge at console start. Default: 72.</summary>
    [Range(1, 2_160)]
    [Setting(Aliases = ["AGENTHOST_SUPERVISOR_RETENTION_HOURS"], Unit = "hours")]
    public int RetentionHours { get; set; } = 72;

    /// <summary>The SQLite file of the activity feed and guidance. Default: next to the conversation database (<c>agenthost.db</c> → <c>agenthost.supervisor.db</c>).</summary>
    [Setting(Aliases = ["AGENTHOST_SUPERVISOR_SQLITE_PATH"], Unset = "next to the conversation database (agenthost.supervisor.db)")]
    public string? SqlitePath { get; set; }

    /// <summary>The DynamoDB table of the activity feed and guidance. Default: the conversation table's name with <c>-supervisor</c>.</summary>
    [Setting(Aliases = ["AGENTHOST_DYNAMODB_SUPERVISOR_TABLE"], Unset = "the conversation table's name with -supervisor")]
    public string? DynamoDbTable { get; set; }

    /// <summary>The console's address (<c>agenthost supervisor</c>). Default: <c>http://127.0.0.1:5140</c>.</summary>
    [Setting(Aliases = ["AGENTHOST_SUPERVISOR_URL"])]
    [Required]
    public string ConsoleUrl { get; set; } = "http://127.0.0.1:5140";

    /// <summary>
    /// The OIDC issuer whose JWTs the console accepts (its discovery document gives the signing keys), e.g. a Cognito user
    /// pool URL. Default: none (development mode: loopback only, a generated token).
    /// </summary>
    [Setting(Aliases = ["AGENTHOST_SUPERVISOR_AUTHORITY"], Unset = "none (development mode: loopback only)")]
    public string? Authority { get; set; }

    /// <summary>The audience the console's JWTs must carry. Default: none (required with <see cref="Authority"/>).</summary>
    [Setting(Aliases = ["AGENTHOST_SUPERVISOR_AUDIENCE"], Unset = "none (required with an authority)")]
    public string? Audience { get; set; }

    /// <summary>The claim holding the user's roles (<c>supervisor</c>, <c>approver</c>, <c>auditor</c>), e.g. <c>cognito:groups</c>. Default: <c>roles</c>.</summary>
    [Setting(Aliases = ["AGENTHOST_SUPERVISOR_ROLE_CLAIM"])]
    [Required]
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// Origins allowed to embed the escalation page in a frame (the Amazon Connect agent workspace), space-separated, e.g.
    /// <c>https://example.my.connect.aws</c>. Default: none (no page may be framed).
    /// </summary>
    [Setting(Aliases = ["AGENTHOST_SUPERVISOR_FRAME_ANCESTORS"], Unset = "none (no page may be framed)")]
    public string? FrameAncestors { get; set; }
}
