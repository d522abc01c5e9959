using System.Text.Json.Nodes;
using AgentHost.Connect.Flows;
using AgentHost.Connect.Tests.Support;

namespace AgentHost.Connect.Tests.Flows;

public sealed class FlowLinterTests
{
    public static TheoryData<string> ShippedFlows => ConnectFixtures.Names(Directory.GetFiles(ConnectFixtures.ShippedFlows, "*.json"));

    public static TheoryData<string> FixtureFlows => ConnectFixtures.Names(Directory.GetFiles(ConnectFixtures.Folder("connect", "flows"), "*.json"));

    public static TheoryData<string> BrokenFlows => ConnectFixtures.Names(Directory.GetFiles(ConnectFixtures.Folder("connect", "flows", "broken"), "*.json"));

    [Theory]
    [MemberData(nameof(ShippedFlows))]
    public void Lint_ShippedFlow_HasNoErrorsAndNoWarnings(string name)
    {
        var findings = FlowLinter.Lint(File.ReadAllText(Path.Combine(ConnectFixtures.ShippedFlows, name)));

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Theory]
    [MemberData(nameof(ShippedFlows))]
    public void ShippedFlow_Parsed_RoutesOnTheToolAttributeWithAnErrorBranchOnEveryAction(string name)
    {
        var flow = JsonNode.Parse(File.ReadAllText(Path.Combine(ConnectFixtures.ShippedFlows, name)))!;
        var actions = flow["Actions"]!.AsArray().Select(a => a!).ToList();

        var route = Assert.Single(actions, a => (string?)a["Type"] == "Compare");
        Assert.Equal("$.Lex.SessionAttributes.Tool", (string?)route["Parameters"]!["ComparisonValue"]);
        var operands = route["Transitions"]!["Conditions"]!.AsArray().Select(c => (string?)c!["Condition"]!["Operands"]![0]).ToList();
        Assert.Equal(["Escalate", "Complete", "Disconnect", "Continue"], operands);
        Assert.All(actions.Where(a => (string?)a["Type"] is "ConnectParticipantWithLexBot"), lex =>
        {
            Assert.Equal("${LexBotAliasArn}", (string?)lex["Parameters"]!["LexV2Bot"]!["AliasArn"]);
            Assert.Equal("$.ContactId", (string?)lex["Parameters"]!["LexSessionAttributes"]!["ContactId"]);
        });
        Assert.Contains(actions, a => (string?)a["Type"] == "TransferContactToQueue");
        Assert.Contains(actions, a => (string?)a["Type"] == "DisconnectParticipant");
    }

    [Theory]
    [MemberData(nameof(FixtureFlows))]
    public void Lint_RealAndReferenceFlows_HaveNoErrors(string name)
    {
        var findings = FlowLinter.Lint(File.ReadAllText(ConnectFixtures.Folder("connect", "flows", name)));

        Assert.DoesNotContain(findings, f => f.Severity == FlowSeverity.Error);
    }

    [Theory]
    [MemberData(nameof(BrokenFlows))]
    public void Lint_BrokenFlow_ReportsTheDefectNamedInTheFileWithAHint(string name)
    {
        var expected = name[..name.IndexOf("__", StringComparison.Ordinal)];

        var findings = FlowLinter.Lint(File.ReadAllText(ConnectFixtures.Folder("connect", "flows", "broken", name)));

        var finding = Assert.Single(findings, f => f.Code == expected);
        Assert.Equal(FlowSeverity.Error, finding.Severity);
        Assert.False(string.IsNullOrWhiteSpace(finding.Hint));
        if (expected is not "FL001" and not "FL002" and not "FL003")
        {
            Assert.NotNull(finding.ActionId);
        }
    }

    [Fact]
    public void Lint_MoreActionsThanTheLimit_IsAnError()
    {
        var flow = File.ReadAllText(Path.Combine(ConnectFixtures.ShippedFlows, "agenthost-chat.json"));

        var findings = FlowLinter.Lint(flow, new FlowLintOptions { MaxActions = 5 });

        Assert.Contains(findings, f => f.Code == "FL008" && f.Severity == FlowSeverity.Error);
    }

    [Fact]
    public void Lint_ExportWithContentAsAString_LintsTheInnerFlow()
    {
        var inner = File.ReadAllText(ConnectFixtures.Folder("connect", "flows", "broken", "FL011__empty-conditions.json"));
        var export = new JsonObject { ["ContactFlow"] = new JsonObject { ["Name"] = "x", ["Content"] = inner } }.ToJsonString();

        Assert.Contains(FlowLinter.Lint(export), f => f.Code == "FL011");
    }

    [Fact]
    public void Lint_UnknownActionType_IsAWarningNotAnError()
    {
        var flow = JsonNode.Parse(File.ReadAllText(Path.Combine(ConnectFixtures.ShippedFlows, "agenthost-chat.json")))!;
        flow["Actions"]!.AsArray().First(a => (string?)a!["Identifier"] == "say-error")!["Type"] = "SomeFutureAction";

        var finding = Assert.Single(FlowLinter.Lint(flow.ToJsonString()));

        Assert.Equal(("FL010", FlowSeverity.Warning, "say-error"), (finding.Code, finding.Severity, finding.ActionId));
    }

    [Fact]
    public void Lint_LexBlockWithoutNoMatchingCondition_WarnsThatItIsTheNormalExit()
    {
        var flow = JsonNode.Parse(File.ReadAllText(Path.Combine(ConnectFixtures.ShippedFlows, "agenthost-chat.json")))!;
        var lex = flow["Actions"]!.AsArray().First(a => (string?)a!["Identifier"] == "agent-turn")!;
        lex["Transitions"]!["Errors"]!.AsArray().RemoveAt(0);

        Assert.Contains(FlowLinter.Lint(flow.ToJsonString()), f => f.Code == "FL014" && f.ActionId == "agent-turn");
    }
}
