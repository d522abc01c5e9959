using System.Diagnostics;
using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using AgentHost.Core.Agents;
using AgentHost.Core.Diagnostics;
using AgentHost.Core.Instructions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Core.Sessions;

/// <summary>
/// Runs turns on sessions: loads the conversation window from the store, runs the agent loop, and stores the turn
/// atomically. Shared by every entry point (the runtime HTTP host, the CLI, the Connect bridge).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Idempotent: a turn id that is already stored returns the stored outcome without running anything; a turn id that
/// is running in this process waits for that run instead of starting a second one (a Connect retry never runs a tool twice).</item>
/// <item>Turns on one session run one at a time in this process; a turn stored meanwhile by another process makes the store
/// raise <see cref="ConversationConflictException"/>, which this service lets through for the caller to act on.</item>
/// <item>The turn is stored even when the caller disconnects or the turn is cancelled, because its tools may have had effects.</item>
/// </list>
/// </remarks>
public sealed partial class AgentSessionService
{
    private static readonly TimeSpan StoreWriteTimeout = TimeSpan.FromSeconds(30);
    private readonly AgentLoop _loop;
    private readonly IConversationStore _store;
    private readonly string _storeType;
    private readonly ITurnIdGenerator _turnIds;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly KeyedAsyncLock _sessionLocks = new();
    private readonly Dictionary<string, Task<SessionTurnResult>> _inFlight = new(StringComparer.Ordinal);

    /// <summary>Creates the service.</summary>
    public AgentSessionService(AgentLoop loop, IConversationStore store, ITurnIdGenerator? turnIds = null, TimeProvider? timeProvider = null, ILogger<AgentSessionService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(loop);
        ArgumentNullException.ThrowIfNull(store);
        _loop = loop;
        _store = store;
        _storeType = store.GetType().Name;
        _turnIds = turnIds ?? new GuidTurnIdGenerator();
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The conversation store.</summary>
    public IConversationStore Store => _store;

    /// <summary>The agent loop.</summary>
    public AgentLoop Loop => _loop;

    /// <summary>Runs a turn and returns its stored result.</summary>
    /// <exception cref="ConversationConflictException">Another process stored a turn on the session first.</exception>
    public async Task<SessionTurnResult> RunTurnAsync(SessionTurnRequest request, CancellationToken cancellationToken = default)
    {
        SessionTurnResult? result = null;
        await foreach (var item in RunTurnCoreAsync(request, stream: false, cancellationToken))
        {
            if (item is SessionTurnFinishedEvent finished)
            {
                result = finished.Result;
            }
        }

        return result ?? throw new InvalidOperationException("The turn ended without a result.");
    }

    /// <summary>
    /// Runs a turn and streams its events; the last event is a <see cref="SessionTurnFinishedEvent"/> (the loop's own
    /// <see cref="TurnFinishedEvent"/> is passed through before it). A replayed turn streams its stored text as one delta.
    /// </summary>
    /// <exception cref="ConversationConflictException">Another process stored a turn on the session first.</exception>
    /// <exception cref="ArgumentException">The session id or prompt is empty.</exception>
    public IAsyncEnumerable<AgentEvent> RunTurnStreamingAsync(SessionTurnRequest request, CancellationToken cancellationToken = default) =>
        RunTurnCoreAsync(request, stream: true, cancellationToken);

    /// <summary>The turn; with <paramref name="stream"/> false the loop runs inline and only the finished event is yielded.</summary>
    private async IAsyncEnumerable<AgentEvent> RunTurnCoreAsync(SessionTurnRequest request, bool stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SessionId);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Prompt);
        var turnId = string.IsNullOrWhiteSpace(request.TurnId) ? _turnIds.NewTurnId() : request.TurnId;

        // The invoke_agent span: the turn's store operations, model calls and tool calls are its children. This is an async
        // iterator, so the span is current only until the first yield; the steps after it name it as their parent explicitly.
        var agentName = _loop.Options.Name;
        var turnStarted = _time.GetTimestamp();
        using var activity = TurnTelemetry.Start(agentName, _loop.ProviderName, _loop.ModelId, request.SessionId, turnId, request.Channel);

        // A retry of a turn that is still running here waits for it.
        var inFlightKey = request.SessionId + "\n" + turnId;
        Task<SessionTurnResult>? running;
        lock (_inFlight)
        {
            _inFlight.TryGetValue(inFlightKey, out running);
        }

        if (running is not null)
        {
            var earlier = await running.WaitAsync(cancellationToken);
            TurnTelemetry.Finish(activity, agentName, _loop.ProviderName, earlier.Outcome, replayed: true, _time.GetElapsedTime(turnStarted));
            foreach (var replay in Replay(earlier with { Replayed = true }))
            {
                yield return replay;
            }

            yield break;
        }

        using var sessionLock = await _sessionLocks.AcquireAsync(request.SessionId, cancellationToken);
        if (request.TurnId is not null && await FindTurnAsync(request.SessionId, turnId, cancellationToken) is { } stored)
        {
            LogReplayed(_logger, request.SessionId);
            TurnTelemetry.Finish(activity, agentName, _loop.ProviderName, stored.Outcome, replayed: true, _time.GetElapsedTime(turnStarted));
            foreach (var replay in Replay(new SessionTurnResult(stored.SessionId, stored.TurnId, stored.Sequence, stored.Outcome, Replayed: true)))
            {
                yield return replay;
            }

            yield break;
        }

        var completion = new TaskCompletionSource<SessionTurnResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_inFlight)
        {
            _inFlight[inFlightKey] = completion.Task;
        }

        try
        {
            var snapshot = await PassFailureToWaitersAsync(completion, LoadAsync(request.SessionId, _loop.Options.Window.MaxTurnsLoaded, cancellationToken), activity, turnStarted);
            var invocation = new InvocationContext
            {
                SessionId = request.SessionId,
                TurnId = turnId,
                Channel = request.Channel ?? snapshot.Header?.Metadata.Channel,
                Language = request.Language,
                ContactId = request.ContactId ?? snapshot.Header?.Metadata.ContactId,
                Attributes = request.Attributes,
                RequestId = request.RequestId,
                Caller = request.Caller,
                Authorization = request.Authorization,
                WorkloadAccessToken = request.WorkloadAccessToken,
                Deadline = request.Deadline,
            };
            var turnRequest = new AgentTurnRequest
            {
                UserMessage = new ChatMessage(ChatRole.User, request.Prompt),
                History = snapshot.RecentTurns.SelectMany(t => t.Messages).ToList(),
                Context = invocation,
                Deadline = request.Deadline,
                Resumptions = SuspendedCalls.Find(snapshot.RecentTurns),
                Instructions = InstructionTemplate.Render(_loop.Options.Instructions, _loop.Options.Name, invocation, _time.GetUtcNow()),
            };

            AgentTurnResult? turnResult = null;
            if (stream)
            {
                await foreach (var item in _loop.RunStreamingAsync(turnRequest, cancellationToken))
                {
                    if (item is TurnFinishedEvent finished)
                    {
                        turnResult = finished.Result;
                    }

                    yield return item;
                }
            }
            else
            {
                turnResult = await _loop.RunAsync(turnRequest, cancellationToken);
            }

            if (activity is not null)
            {
                // After the loop's events were yielded the caller's activity is current again: the append is the turn's child.
                Activity.Current = activity;
            }

            var result = await PassFailureToWaitersAsync(completion, StoreAsync(request, turnId, snapshot, turnResult!), activity, turnStarted);
            TurnTelemetry.Finish(activity, agentName, _loop.ProviderName, turnResult!.Outcome, replayed: false, _time.GetElapsedTime(turnStarted));
            completion.TrySetResult(result);
            yield return new SessionTurnFinishedEvent(result);
        }
        finally
        {
            completion.TrySetCanceled(CancellationToken.None);
            lock (_inFlight)
            {
                _inFlight.Remove(inFlightKey);
            }
        }
    }

    /// <summary>A retry waiting on this turn gets the same failure (e.g. a conflict), not a cancellation.</summary>
    private async Task<T> PassFailureToWaitersAsync<T>(TaskCompletionSource<SessionTurnResult> completion, Task<T> step, Activity? activity, long turnStarted)
    {
        try
        {
            return await step;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            completion.TrySetException(ex);
            TurnTelemetry.Fail(activity, _loop.Options.Name, _loop.ProviderName, ex, _time.GetElapsedTime(turnStarted));
            throw;
        }
    }

    private async Task<SessionTurnResult> StoreAsync(SessionTurnRequest request, string turnId, ConversationSnapshot snapshot, AgentTurnResult turnResult)
    {
        var record = new TurnRecord(request.SessionId, snapshot.NextSequence, turnId, _time.GetUtcNow(), turnResult.NewMessages, turnResult.Outcome);
        var metadata = (request.Metadata ?? SessionMetadata.Empty).Merge(new SessionMetadata
        {
            Channel = request.Channel,
            ContactId = request.ContactId,
            Status = snapshot.Header is null ? SessionStatuses.Active : null,
        });

        // The turn is stored even if the caller went away: its tools may have had effects.
        using var timeout = new CancellationTokenSource(StoreWriteTimeout, _time);
        try
        {
            var appended = await AppendTurnAsync(record, metadata, timeout.Token);
            var stored = appended.Turn;
            return new SessionTurnResult(stored.SessionId, stored.TurnId, stored.Sequence, stored.Outcome, appended.Outcome == AppendOutcome.Duplicate);
        }
        catch (ConversationConflictException)
        {
            LogConflict(_logger, request.SessionId, record.Sequence);
            throw;
        }
    }

    private static IEnumerable<AgentEvent> Replay(SessionTurnResult result)
    {
        if (result.Outcome.Text.Length > 0)
        {
            yield return new TextDeltaEvent(result.Outcome.Text, result.Outcome.Cycles);
        }

        yield return new SessionTurnFinishedEvent(result);
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Turn of session {SessionId} was already stored; returning the stored result")]
    private static partial void LogReplayed(ILogger logger, string sessionId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Turn {Sequence} of session {SessionId} conflicts with a turn stored by another writer")]
    private static partial void LogConflict(ILogger logger, string sessionId, long sequence);
}
