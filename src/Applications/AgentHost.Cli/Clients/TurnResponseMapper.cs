using AgentHost.Abstractions.Agents;
using AgentHost.AgentCore.Contracts;
using AgentHost.Core.Sessions;

namespace AgentHost.Cli.Clients;

/// <summary>
/// Maps an in-process turn result to the <c>/invocations</c> response, so that in-process and <c>--url</c> turns print the same
/// summary and <c>invoke --json</c> the same JSON. It mirrors the server's <c>InvocationMapper</c> (AgentHost.AgentCore.Runtime,
/// which the CLI does not reference: it is the ASP.NET assembly); a test in AgentHost.Cli.Tests checks that both write the same JSON.
/// </summary>
internal static class TurnResponseMapper
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
}
