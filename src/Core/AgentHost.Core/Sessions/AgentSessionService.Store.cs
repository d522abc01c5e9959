using AgentHost.Abstractions.Conversations;
using AgentHost.Core.Diagnostics;

namespace AgentHost.Core.Sessions;

/// <summary>The store operations of a turn, each with its <c>store.*</c> span and its latency in <c>agenthost.store.operation.duration</c>.</summary>
public sealed partial class AgentSessionService
{
    private async Task<ConversationSnapshot> LoadAsync(string sessionId, int maxTurns, CancellationToken cancellationToken)
    {
        const string Operation = "load";
        var activity = StoreTelemetry.Start(Operation, _storeType, sessionId);
        var started = _time.GetTimestamp();
        Exception? error = null;
        try
        {
            return await _store.LoadAsync(sessionId, maxTurns, cancellationToken);
        }
        catch (Exception ex)
        {
            error = ex;
            throw;
        }
        finally
        {
            StoreTelemetry.Finish(activity, Operation, _time.GetElapsedTime(started), error);
        }
    }

    private async Task<TurnRecord?> FindTurnAsync(string sessionId, string turnId, CancellationToken cancellationToken)
    {
        const string Operation = "find_turn";
        var activity = StoreTelemetry.Start(Operation, _storeType, sessionId);
        var started = _time.GetTimestamp();
        Exception? error = null;
        try
        {
            return await _store.FindTurnAsync(sessionId, turnId, cancellationToken);
        }
        catch (Exception ex)
        {
            error = ex;
            throw;
        }
        finally
        {
            StoreTelemetry.Finish(activity, Operation, _time.GetElapsedTime(started), error);
        }
    }

    private async Task<AppendTurnResult> AppendTurnAsync(TurnRecord record, SessionMetadata metadata, CancellationToken cancellationToken)
    {
        const string Operation = "append_turn";
        var activity = StoreTelemetry.Start(Operation, _storeType, record.SessionId);
        var started = _time.GetTimestamp();
        Exception? error = null;
        AppendTurnResult? result = null;
        try
        {
            result = await _store.AppendTurnAsync(record, metadata, cancellationToken);
            return result;
        }
        catch (Exception ex)
        {
            error = ex;
            throw;
        }
        finally
        {
            var outcome = result is null ? null : result.Outcome == AppendOutcome.Duplicate ? "duplicate" : "appended";
            StoreTelemetry.Finish(activity, Operation, _time.GetElapsedTime(started), error, outcome);
        }
    }
}
