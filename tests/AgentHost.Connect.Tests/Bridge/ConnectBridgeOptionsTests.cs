using AgentHost.Connect.Bridge;

namespace AgentHost.Connect.Tests.Bridge;

public sealed class ConnectBridgeOptionsTests
{
    [Fact]
    public void FromEnvironment_NothingSet_KeepsTheDocumentedDefaults()
    {
        var options = ConnectBridgeOptions.FromEnvironment(_ => null);

        Assert.Equal(TimeSpan.FromSeconds(8), options.LexBudget);
        Assert.Equal(TimeSpan.FromSeconds(8), options.FlowBudget);
        Assert.Equal(TimeSpan.FromSeconds(1), options.SafetyMargin);
        Assert.Equal(TimeSpan.FromMinutes(2), options.TurnTimeout);
        Assert.Equal(["escalation___*", "*escalate_to_human"], options.EscalateTools);
        Assert.Null(options.EscalationQueue);
        Assert.Null(options.EscalationUrlTemplate);
    }

    [Fact]
    public void FromEnvironment_Variables_OverrideEachSetting()
    {
        var environment = new Dictionary<string, string>
        {
            ["AGENTHOST_CONNECT_LEX_BUDGET_MS"] = "5000",
            ["AGENTHOST_CONNECT_FLOW_BUDGET_MS"] = "60000",
            ["AGENTHOST_CONNECT_SAFETY_MARGIN_MS"] = "500",
            ["AGENTHOST_CONNECT_TURN_TIMEOUT_MS"] = "30000",
            ["AGENTHOST_CONNECT_FILLER_TEXT"] = "Hold on.",
            ["AGENTHOST_CONNECT_ESCALATE_TOOLS"] = "handoff___*, *transfer",
            ["AGENTHOST_CONNECT_COMPLETE_TOOLS"] = "*done",
            ["AGENTHOST_CONNECT_ESCALATION_QUEUE"] = "arn:q",
            ["AGENTHOST_CONNECT_ESCALATION_URL"] = "https://console.example.com/escalations/contact/{contactId}",
            ["AGENTHOST_CONNECT_VOICE_MAX_CHARS"] = "300",
        };

        var options = ConnectBridgeOptions.FromEnvironment(environment.GetValueOrDefault);

        Assert.Equal(TimeSpan.FromSeconds(5), options.LexBudget);
        Assert.Equal(TimeSpan.FromSeconds(60), options.FlowBudget);
        Assert.Equal(TimeSpan.FromMilliseconds(500), options.SafetyMargin);
        Assert.Equal(TimeSpan.FromSeconds(30), options.TurnTimeout);
        Assert.Equal("Hold on.", options.FillerText);
        Assert.Equal(["handoff___*", "*transfer"], options.EscalateTools);
        Assert.Equal(["*done"], options.CompleteTools);
        Assert.Equal("arn:q", options.EscalationQueue);
        Assert.Equal("https://console.example.com/escalations/contact/{contactId}", options.EscalationUrlTemplate);
        Assert.Equal(300, options.VoiceMaxChars);
    }

    [Fact]
    public void FromEnvironment_BadNumber_NamesTheVariable()
    {
        var ex = Assert.Throws<FormatException>(() => ConnectBridgeOptions.FromEnvironment(n => n == "AGENTHOST_CONNECT_LEX_BUDGET_MS" ? "8s" : null));

        Assert.Contains("AGENTHOST_CONNECT_LEX_BUDGET_MS", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/escalations/contact/{contactId}")]
    [InlineData("ftp://console.example.com/{contactId}")]
    [InlineData("not a url {contactId}")]
    public void FromEnvironment_EscalationUrlNotAnAbsoluteHttpUrl_NamesTheVariable(string value)
    {
        var ex = Assert.Throws<FormatException>(() => ConnectBridgeOptions.FromEnvironment(n => n == "AGENTHOST_CONNECT_ESCALATION_URL" ? value : null));

        Assert.Contains("AGENTHOST_CONNECT_ESCALATION_URL", ex.Message, StringComparison.Ordinal);
    }
}
