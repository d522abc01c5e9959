using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Supervision;
using AgentHost.Control.Hashing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Supervision.Guidance;

/// <summary>
/// Stores a supervisor's guidance for a session (the console's guidance box, <c>agenthost sessions guide</c>): audited with
/// its author first (fail closed: guidance that cannot be audited is not stored), then stored pending, then shown in the
/// session's activity feed. The runtime applies it to the session's next model call (<see cref="GuidanceHook"/>), whether a
/// turn is running now or the customer speaks later.
/// </summary>
public sealed partial class GuidanceService
{
    private readonly IGuidanceStore _store;
    private readonly IAuditTrail? _audit;
    private readonly IActivityFeed? _feed;
    private readonly SupervisionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    public GuidanceService(IGuidanceStore store, IAuditTrail? audit, IActivityFeed? feed, SupervisionOptions? options = null, TimeProvider? timeProvider = null, ILogger<GuidanceService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _audit = audit;
        _feed = feed;
        _options = options ?? new SupervisionOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The store.</summary>
    public IGuidanceStore Store => _store;

    /// <summary>Stores guidance for a session and returns it.</summary>
    /// <exception cref="ArgumentException">The session id, text or author is empty, or the text is longer than <see cref="SupervisionOptions.MaxGuidanceChars"/>.</exception>
    /// <exception cref="AuditWriteException">The guidance could not be audited; it was not stored.</exception>
    public async Task<SupervisorGuidance> AddAsync(string sessionId, string text, string author, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The guidance text is empty.", nameof(text));
        }

        text = text.Trim();
        if (text.Length > _options.MaxGuidanceChars)
        {
            throw new ArgumentException($"The guidance is {text.Length} characters long; the limit is {_options.MaxGuidanceChars}.", nameof(text));
        }

        var guidance = new SupervisorGuidance
        {
            Id = GuidanceIds.New(),
            SessionId = sessionId,
            Text = text,
            Author = author,
            CreatedAt = _time.GetUtcNow(),
        };
        if (_audit is not null)
        {
            await _audit.AppendAsync(
                new AuditEntry
                {
                    SessionId = sessionId,
                    Kind = AuditRecordKinds.SupervisorGuidance,
                    Actor = author,
                    Status = "added",
                    ResultHash = ControlHashes.Text(text),
                    Summary = $"guidance of {text.Length} characters",
                    Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["guidanceId"] = guidance.Id },
                },
                cancellationToken);
        }

        await _store.AddAsync(guidance, cancellationToken);
        if (_feed is not null)
        {
            try
            {
                await _feed.AppendAsync(
                    sessionId,
                    [new ActivityEvent { SessionId = sessionId, Kind = ActivityKinds.GuidanceAdded, At = guidance.CreatedAt, Role = "supervisor", Text = text, Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["guidanceId"] = guidance.Id, ["author"] = author } }],
                    new LiveSessionUpdate(),
                    cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFeedFailed(_logger, ex, ex.GetType().Name);
            }
        }

        return guidance;
    }

    [LoggerMessage(EventId = 13020, Level = LogLevel.Warning, Message = "Guidance was stored but could not be shown in the activity feed ({ErrorType})")]
    private static partial void LogFeedFailed(ILogger logger, Exception exception, string errorType);
}
