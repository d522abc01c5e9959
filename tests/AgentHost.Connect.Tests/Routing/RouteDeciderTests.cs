using AgentHost.Connect.Bridge;
using AgentHost.Connect.Routing;

namespace AgentHost.Connect.Tests.Routing;

public sealed class RouteDeciderTests
{
    [Theory]
    [InlineData("escalation___escalate_to_human", ConnectRoute.Escalate)]
    [InlineData("crm___escalate_to_human", ConnectRoute.Escalate)]
    [InlineData("session___end_conversation", ConnectRoute.Complete)]
    [InlineData("session___hang_up", ConnectRoute.Disconnect)]
    [InlineData("portfolio___get_portfolio", ConnectRoute.Continue)]
    public void Decide_SuccessfulToolCall_RoutesByTheConfiguredPatterns(string tool, ConnectRoute expected)
    {
        var options = new ConnectBridgeOptions { CompleteTools = ["*end_conversation"], DisconnectTools = ["*___hang_up"] };

        var decision = RouteDecider.Decide(AgentTurnOutcome.Completed("x", "endTurn", [new AgentToolCall(tool, "success", null)]), options);

        Assert.Equal(expected, decision.Route);
    }

    [Fact]
    public void Decide_EscalateAndComplete_EscalateWins()
    {
        var options = new ConnectBridgeOptions { CompleteTools = ["*end_conversation"] };
        var calls = new[] { new AgentToolCall("x___end_conversation", "success", null), new AgentToolCall("escalation___escalate_to_human", "success", null) };

        Assert.Equal(ConnectRoute.Escalate, RouteDecider.Decide(AgentTurnOutcome.Completed("x", "endTurn", calls), options).Route);
    }

    [Theory]
    [InlineData("error")]
    [InlineData("denied")]
    [InlineData("timeout")]
    public void Decide_FailedEscalationCall_Continues(string status)
    {
        var outcome = AgentTurnOutcome.Completed("x", "endTurn", [new AgentToolCall("escalation___escalate_to_human", status, null)]);

        Assert.Equal(ConnectRoute.Continue, RouteDecider.Decide(outcome, new ConnectBridgeOptions()).Route);
    }

    [Theory]
    [InlineData("escalation___*", "escalation___escalate_to_human", true)]
    [InlineData("ESCALATION___*", "escalation___x", true)]
    [InlineData("*human", "escalation___escalate_to_human", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "abbc", false)]
    [InlineData("crm___*", "portfolio___get", false)]
    [InlineData("*", "", true)]
    public void IsMatch_Glob_MatchesLikeAShellPattern(string pattern, string name, bool expected)
    {
        Assert.Equal(expected, ToolGlob.IsMatch(pattern, name));
    }
}
