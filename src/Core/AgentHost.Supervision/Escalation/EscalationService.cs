using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Supervision;
using AgentHost.Supervision.Masking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Supervision.Escalation;

/// <summary>
/// Escalates a conversation to a human: audits it with who did it (fail closed), marks the stored session
/// <c>escalated</c>, shows it in the activity feed, and returns the <see cref="EscalationPackage"/>. Used by the console's
/// escalate button and by the runtime when a turn escalated (an escalation tool succeeded).
/// </summary>
public sealed partial class EscalationService
{
    private readonly EscalationPackageBuilder _packages;
    private readonly IConversationStore? _conversations;
    private readonly IActivityFeed _feed;
    private readonly IAuditTrail? _audit;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    public EscalationService(EscalationPackageBuilder packages, IConversationStore? conversations, IActivityFeed feed, IAuditTrail? audit, TimeProvider? timeProvider = null, ILogger<EscalationService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(packages);
        ArgumentNullException.ThrowIfNull(feed);
        _packages = packages;
        _conversations = conversations;
        _feed = feed;
        _audit = audit;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The package builder.</summary>
    public EscalationPackageBuilder Packages => _packages;

    /// <summary>
    /// Escalates the session. <paramref name="publishEvent"/> false when the runtime already published the escalation in
    /// the feed (the tool call did).
    /// </summary>
    /// <exception cref="AuditWriteException">The escalation could not be audited; nothing else was done.</exception>
    public async Task<EscalationPackage> EscalateAsync(string sessionId, string actor, string? reason, string? turnId = null, bool publishEvent = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var maskedReason = TextMasker.Mask(reason, EscalationPackage.MaxLineLength);
        if (_audit is not null)
        {
            await _audit.AppendAsync(
                new AuditEntry
                {
                    SessionId = sessionId,
                    Kind = AuditRecordKinds.Escalation,
                    Actor = actor,
                    TurnId = turnId,
                    Status = "escalated",
                    Summary = maskedReason,
                },
                cancellationToken);
        }

        try
        {
            if (_conversations is not null)
            {
                await _conversations.UpdateMetadataAsync(sessionId, new SessionMetadata { Status = SessionStatuses.Escalated }, cancellationToken);
            }

            if (publishEvent)
            {
                await _feed.AppendAsync(
                    sessionId,
                    [new ActivityEvent { SessionId = sessionId, Kind = ActivityKinds.Escalated, At = _time.GetUtcNow(), TurnId = turnId, Role = actor, Text = maskedReason }],
                    new LiveSessionUpdate { Status = LiveSessionStatuses.Escalated },
                    cancellationToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStatusFailed(_logger, ex, ex.GetType().Name);
        }

        return await _packages.BuildAsync(sessionId, maskedReason, cancellationToken);
    }

    [LoggerMessage(EventId = 13030, Level = LogLevel.Warning, Message = "An escalation was audited but the session status could not be updated ({ErrorType})")]
    private static partial void LogStatusFailed(ILogger logger, Exception exception, string errorType);
}
