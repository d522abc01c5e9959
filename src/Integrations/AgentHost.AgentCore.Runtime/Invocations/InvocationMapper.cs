using AgentHost.Abstractions.Agents;
using AgentHost.AgentCore.Contracts;
using AgentHost.Core.Sessions;

namespace AgentHost.AgentCore.Runtime.Invocations;

/// <summary>Maps session turn results to the wire response.</summary>
public static class InvocationMapper
{
    /// <summary>Builds the response for a turn result.</summary>
    public static InvocationResponse ToResponse(SessionTurnResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var outcome = result.Outcome;
        var calls = new ToolCallSummary[outcome.ToolCalls.Count];
        for (var i = 0; i < calls.Length; i++)
        {
            var call = outcome.ToolCalls[i];
            calls[i] = new ToolCallSummary
            {
                Name = call.Name,
                Input = call.Input,
                Status = call.Status.ToWireName(),
                DurationMs = Math.Round(call.DurationMs, 3),
                ToolUseId = call.CallId,
                Error = call.Error,
                Flags = call.Flags,
                SuspensionId = call.SuspensionId,
            };
        }

        return new InvocationResponse
        {
            SessionId = result.SessionId,
            TurnId = result.TurnId,
            Text = outcome.Text,
            StopReason = outcome.StopReason.ToWireName(),
            ToolCalls = calls,
            Usage = new UsageSummary { InputTokens = outcome.Usage.InputTokens, OutputTokens = outcome.Usage.OutputTokens, TotalTokens = outcome.Usage.TotalTokens },
            Cycles = outcome.Cycles,
            Replayed = result.Replayed,
            Error = outcome.ErrorMessage,
        };
    }

    /// <summary>The <c>202</c> answer for a turn that goes on in the background: stop reason <c>running</c>, the turn id to collect it with, no text.</summary>
    public static InvocationResponse ToRunningResponse(SessionTurnRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new InvocationResponse
        {
            SessionId = request.SessionId,
            TurnId = request.TurnId!,
            Text = string.Empty,
            StopReason = InvocationStopReasons.Running,
            ToolCalls = [],
            Usage = new UsageSummary(),
            Cycles = 0,
        };
    }
}
