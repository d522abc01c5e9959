using System.Collections.Concurrent;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Hooks;
using AgentHost.Abstractions.Supervision;
using AgentHost.Control.Hashing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Supervision.Guidance;

/// <summary>
/// Before every model call, reads the session's pending supervisor guidance from the shared store (one read; the first
/// model call of a turn always reads, later calls of the same turn skip the read for
/// <see cref="SupervisionOptions.GuidanceCacheDuration"/> after a read found nothing), marks each one consumed with a
/// conditional write (only one model call on one host wins it), records it in the audit trail, and adds it to the
/// conversation as a system message the customer never sees (stored with the turn: the transcript).
/// </summary>
/// <remarks>
/// A failed read is logged and the call goes on without guidance (the customer's turn does not depend on the console).
/// A failed audit write after the guidance was consumed fails the model call (fail closed: guidance is never applied
/// unaudited); the guidance stays consumed by that turn, which ends with an error the supervisor sees.
/// </remarks>
public sealed partial class GuidanceHook : AgentHook
{
    private const string ReadItem = "agenthost.supervision.guidanceRead";
    private const int MaxCachedSessions = 10_000;
    private readonly IGuidanceStore _store;
    private readonly IAuditTrail? _audit;
    private readonly SupervisionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _nothingUntil = new(StringComparer.Ordinal);
    private long _reads;

    /// <summary>Creates the hook.</summary>
    public GuidanceHook(IGuidanceStore store, IAuditTrail? audit, SupervisionOptions? options = null, TimeProvider? timeProvider = null, ILogger<GuidanceHook>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _audit = audit;
        _options = options ?? new SupervisionOptions();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>How many times the store was read (the figure behind "one cheap read per model call").</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <inheritdoc />
    public override async ValueTask OnModelCallingAsync(ModelCallingContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var invocation = context.Invocation;
        var sessionId = invocation.SessionId;
        var now = _time.GetUtcNow();
        var firstCallOfTurn = context.Items.TryAdd(ReadItem, true);
        if (!firstCallOfTurn && _nothingUntil.TryGetValue(sessionId, out var until) && until > now)
        {
            return;
        }

        IReadOnlyList<SupervisorGuidance> pending;
        try
        {
            Interlocked.Increment(ref _reads);
            pending = await _store.GetPendingAsync(sessionId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogReadFailed(_logger, ex, ex.GetType().Name);
            return;
        }

        if (pending.Count == 0)
        {
            if (_nothingUntil.Count > MaxCachedSessions)
            {
                _nothingUntil.Clear();
            }

            _nothingUntil[sessionId] = now + _options.GuidanceCacheDuration;
            return;
        }

        _nothingUntil.TryRemove(sessionId, out _);
        foreach (var guidance in pending)
        {
            if (!await _store.TryConsumeAsync(sessionId, guidance.Id, invocation.TurnId, _time.GetUtcNow(), cancellationToken))
            {
                continue; // another model call (perhaps on another host) applied it
            }

            if (_audit is not null)
            {
                await _audit.AppendAsync(
                    new AuditEntry
                    {
                        SessionId = sessionId,
                        Kind = AuditRecordKinds.SupervisorGuidance,
                        Actor = guidance.Author,
                        TurnId = invocation.TurnId,
                        Status = "applied",
                        ResultHash = ControlHashes.Text(guidance.Text),
                        Summary = $"guidance of {guidance.Text.Length} characters applied to model call {context.Cycle}",
                        Details = new Dictionary<string, string>(StringComparer.Ordinal) { ["guidanceId"] = guidance.Id },
                    },
                    cancellationToken);
            }

            context.AddToConversation(GuidanceMessages.Create(guidance));
            LogApplied(_logger, guidance.Id, context.Cycle);
        }
    }

    [LoggerMessage(EventId = 13010, Level = LogLevel.Warning, Message = "Supervisor guidance could not be read ({ErrorType}); the model call goes on without it")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string errorType);

    [LoggerMessage(EventId = 13011, Level = LogLevel.Information, Message = "Supervisor guidance {GuidanceId} applied to model call {Cycle}")]
    private static partial void LogApplied(ILogger logger, string guidanceId, int cycle);
}
