using System.Text;
using System.Text.Json;
using AgentHost.Abstractions.Control;
using AgentHost.Control.Policy;

namespace AgentHost.Control.Tests.Policy;

/// <summary>Rule matching and the fail-closed defaults of <see cref="ToolPolicy"/>.</summary>
public sealed class ToolPolicyTests
{
    private const string Rules = """
        {
          "version": 1,
          "rules": [
            { "id": "no-crypto", "tools": ["*crypto*"], "effect": "deny" },
            { "id": "reads", "annotations": { "readOnly": true }, "effect": "allow", "risk": "low", "approval": "automatic" },
            { "id": "vip-refunds", "tools": ["payments___refund"], "profiles": ["private-banking"], "effect": "allow", "risk": "high", "approval": "supervisor" },
            { "id": "big-foreign-refunds", "tools": ["*refund*"], "when": [ { "argument": "amount", "op": ">", "value": 1000 }, { "argument": "currency", "op": "in", "value": ["USD", "GBP"] } ], "effect": "allow", "risk": "high", "approval": "committee", "approvalTimeout": "2h" },
            { "id": "refunds", "tools": ["*refund*"], "effect": "allow", "risk": "medium", "approval": "supervisor" },
            { "id": "voice-notifications", "tools": ["notify_?ms"], "channels": ["VOICE"], "effect": "allow", "risk": "low", "approval": "automatic" },
            { "id": "destructive", "annotations": { "destructive": true }, "tools": ["admin_*"], "effect": "deny" },
            { "id": "nested", "tools": ["transfer"], "when": [ { "argument": "payment.iban", "op": "matches", "value": "GB*" }, { "argument": "memo", "op": "notExists" } ], "effect": "allow", "risk": "high", "approval": "supervisor" }
          ]
        }
        """;

    private static readonly ToolPolicy Policy = PolicyLoader.Parse(Encoding.UTF8.GetBytes(Rules), "rules.json");

    private static PolicyRequest Call(string tool, string arguments = "{}", ToolHints? annotations = null, string? profile = null, string? channel = null, params string[] alternateNames) => new()
    {
        ToolName = tool,
        AlternateNames = alternateNames,
        Annotations = annotations ?? ToolHints.None,
        Profile = profile,
        Channel = channel,
        Arguments = JsonDocument.Parse(arguments).RootElement.Clone(),
    };

    [Theory]
    [InlineData("buy_crypto", "no-crypto")]
    [InlineData("CRYPTO_WALLET", "no-crypto")]
    [InlineData("payments___refund", "refunds")]
    [InlineData("notify_sms", "(no rule)")]
    public void Evaluate_ToolNameGlobs_PickTheFirstMatchingRule(string tool, string rule) =>
        Assert.Equal(rule, Policy.Evaluate(Call(tool)).RuleId);

    [Fact]
    public void Evaluate_GatewayNameMatchesAGlob_TheRuleApplies()
    {
        var decision = Policy.Evaluate(Call("refundTool", alternateNames: "payments___refund"));

        Assert.Equal("refunds", decision.RuleId);
    }

    [Fact]
    public void Evaluate_ReadOnlyAnnotation_IsAllowedAutomatically()
    {
        var decision = Policy.Evaluate(Call("crm___lookup", annotations: new ToolHints(ReadOnlyHint: true)));

        Assert.Equal(PolicyEffect.Allow, decision.Effect);
        Assert.Equal("reads", decision.RuleId);
        Assert.False(decision.NeedsApproval);
    }

    [Fact]
    public void Evaluate_DestructiveByMcpDefault_MatchesADestructiveRule()
    {
        Assert.Equal("destructive", Policy.Evaluate(Call("admin_wipe")).RuleId);
        Assert.Equal("(no rule)", Policy.Evaluate(Call("admin_wipe", annotations: new ToolHints(DestructiveHint: false))).RuleId);
    }

    [Fact]
    public void Evaluate_CallerProfile_SelectsTheProfileRule()
    {
        Assert.Equal("vip-refunds", Policy.Evaluate(Call("payments___refund", profile: "Private-Banking")).RuleId);
        Assert.Equal("refunds", Policy.Evaluate(Call("payments___refund", profile: "retail")).RuleId);
        Assert.Equal("refunds", Policy.Evaluate(Call("payments___refund")).RuleId);
    }

    [Theory]
    [InlineData("""{"amount":2500,"currency":"USD"}""", "big-foreign-refunds")]
    [InlineData("""{"amount":"2500.50","currency":"gbp"}""", "big-foreign-refunds")]
    [InlineData("""{"amount":1000,"currency":"USD"}""", "refunds")]
    [InlineData("""{"amount":2500,"currency":"EUR"}""", "refunds")]
    [InlineData("""{"currency":"USD"}""", "refunds")]
    [InlineData("""{"amount":"lots","currency":"USD"}""", "refunds")]
    public void Evaluate_ArgumentConditions_AllMustHold(string arguments, string rule)
    {
        var decision = Policy.Evaluate(Call("card_refund", arguments));

        Assert.Equal(rule, decision.RuleId);
        if (rule == "big-foreign-refunds")
        {
            Assert.Equal(ApprovalMode.Committee, decision.Approval);
            Assert.Equal(TimeSpan.FromHours(2), decision.ApprovalTimeout);
        }
        else
        {
            Assert.Equal(ToolPolicy.DefaultApprovalTimeout, decision.ApprovalTimeout);
        }
    }

    [Fact]
    public void Evaluate_NestedArgumentPathsAndExistence_AreChecked()
    {
        Assert.Equal("nested", Policy.Evaluate(Call("transfer", """{"payment":{"iban":"GB29NWBK60161331926819"}}""")).RuleId);
        Assert.Equal("(no rule)", Policy.Evaluate(Call("transfer", """{"payment":{"iban":"DE89370400440532013000"}}""")).RuleId);
        Assert.Equal("(no rule)", Policy.Evaluate(Call("transfer", """{"payment":{"iban":"GB29"},"memo":"x"}""")).RuleId);
    }

    [Fact]
    public void Evaluate_Channel_MustBeListed()
    {
        Assert.Equal("voice-notifications", Policy.Evaluate(Call("notify_sms", channel: "voice")).RuleId);
        Assert.Equal(PolicyEffect.Deny, Policy.Evaluate(Call("notify_sms", channel: "CHAT")).Effect);
    }

    [Fact]
    public void Evaluate_NoRuleAndNotReadOnly_IsDeniedFailClosed()
    {
        var decision = Policy.Evaluate(Call("delete_everything"));

        Assert.Equal(PolicyEffect.Deny, decision.Effect);
        Assert.Equal(PolicyDecision.NoRuleId, decision.RuleId);
    }

    [Fact]
    public void Evaluate_NoRuleButReadOnly_IsAllowedWithLowRisk()
    {
        var empty = new ToolPolicy([]);

        var decision = empty.Evaluate(Call("anything", annotations: new ToolHints(ReadOnlyHint: true)));

        Assert.Equal(PolicyEffect.Allow, decision.Effect);
        Assert.Equal(RiskLevel.Low, decision.Risk);
        Assert.Equal(PolicyDecision.ReadOnlyDefaultId, decision.RuleId);
    }

    [Fact]
    public void Evaluate_ReadOnlyMode_DeniesEveryToolThatIsNotReadOnlyEvenWhenARuleAllowsIt()
    {
        var readOnly = Policy.WithReadOnlyMode(true);

        Assert.Equal(PolicyDecision.ReadOnlyModeId, readOnly.Evaluate(Call("payments___refund")).RuleId);
        Assert.Equal(PolicyEffect.Deny, readOnly.Evaluate(Call("payments___refund")).Effect);
        Assert.Equal(PolicyEffect.Allow, readOnly.Evaluate(Call("lookup", annotations: new ToolHints(ReadOnlyHint: true))).Effect);
    }

    [Fact]
    public void Evaluate_Trace_SaysWhyEarlierRulesDidNotMatch()
    {
        var decision = Policy.Evaluate(Call("card_refund", """{"amount":10,"currency":"USD"}"""));

        Assert.Contains(decision.Trace, line => line.Contains("big-foreign-refunds", StringComparison.Ordinal) && line.Contains("amount > 1000 does not hold", StringComparison.Ordinal));
        Assert.Contains(decision.Trace, line => line.StartsWith("rule refunds (line ", StringComparison.Ordinal) && line.Contains("match, every criterion matches", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("*", "anything", true)]
    [InlineData("a*c", "abbbc", true)]
    [InlineData("a*c", "abbbd", false)]
    [InlineData("*___get_*", "crm___get_investor_profile", true)]
    [InlineData("*___get_*", "crm___update_contact", false)]
    [InlineData("notify_?ms", "notify_sms", true)]
    [InlineData("notify_?ms", "notify_ms", false)]
    [InlineData("**a", "a", true)]
    public void GlobPattern_IsMatch_MatchesWholeNamesOnly(string pattern, string text, bool matches) =>
        Assert.Equal(matches, new GlobPattern(pattern).IsMatch(text));
}
