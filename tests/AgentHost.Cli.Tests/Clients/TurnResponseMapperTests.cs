using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.AgentCore.Contracts;
using AgentHost.AgentCore.Runtime.Invocations;
using AgentHost.Cli.Clients;
using AgentHost.Core.Sessions;

namespace AgentHost.Cli.Tests.Clients;

/// <summary>The CLI maps in-process turns itself (it does not reference the ASP.NET runtime assembly): the JSON must be the server's.</summary>
public sealed class TurnResponseMapperTests
{
    public static TheoryData<SessionTurnResult> Results() => new()
    {
        new SessionTurnResult(
            "cli-session-000000000000000000000000001",
            "turn-1",
            3,
            new TurnOutcome(
                "Here is the portfolio.",
                StopReason.EndTurn,
                [
                    new ToolCallRecord("c1", "portfolio___get_portfolio", Json("""{"investorId":"LP-001"}"""), ToolCallStatus.Success, 12.34567),
                    new ToolCallRecord("c2", "crm___update", Json("{}"), ToolCallStatus.Timeout, 5000, "The tool timed out.", Flags: ["outcomeUnknown"]),
                    new ToolCallRecord("c3", "crm___note", Json("{}"), ToolCallStatus.Success, 1, Flags: []),
                ],
                new TokenUsage(120, 30, 150),
                3),
            Replayed: false),
        new SessionTurnResult("s", "t", 1, new TurnOutcome(string.Empty, StopReason.Error, [], new TokenUsage(1, 0, 1), 1, "The model call failed."), Replayed: true),
        new SessionTurnResult("s", "t", 1, new TurnOutcome("Stopped.", StopReason.Deadline, [], new TokenUsage(0, 0, 0), 0), Replayed: false),
        new SessionTurnResult("s", "t", 2, new TurnOutcome("I need approval.", StopReason.AwaitingApproval, [new ToolCallRecord("c4", "bank___transfer", Json("{}"), ToolCallStatus.Pending, 0)], new TokenUsage(3, 1, 4), 1), Replayed: false),
    };

    [Theory]
    [MemberData(nameof(Results))]
    public void ToResponse_AnyTurn_WritesTheSameJsonAsTheServer(SessionTurnResult result)
    {
        var cli = JsonSerializer.Serialize(TurnResponseMapper.ToResponse(result), AgentCoreJsonContext.Default.InvocationResponse);
        var server = JsonSerializer.Serialize(InvocationMapper.ToResponse(result), AgentCoreJsonContext.Default.InvocationResponse);

        Assert.Equal(server, cli);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
