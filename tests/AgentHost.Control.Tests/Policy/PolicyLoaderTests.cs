using System.Text;
using System.Text.Json;
using AgentHost.Control.Policy;

namespace AgentHost.Control.Tests.Policy;

/// <summary>Loading policy files: strict validation with the line named, the shipped default, and the published schema.</summary>
public sealed class PolicyLoaderTests
{
    private static PolicyFileException Refused(string json) =>
        Assert.Throws<PolicyFileException>(() => PolicyLoader.Parse(Encoding.UTF8.GetBytes(json.ReplaceLineEndings("\n")), "policy.json"));

    [Fact]
    public void Parse_NotJson_NamesTheLine()
    {
        var error = Refused("{\n  \"version\": 1,\n  \"rules\": [\n    { \"id\": \"x\" \"effect\": \"deny\" }\n  ]\n}");

        Assert.Equal(4, error.Line);
        Assert.StartsWith("policy.json line 4: not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownEffect_NamesTheLineAndTheAllowedValues()
    {
        var error = Refused("""
            {
              "version": 1,
              "rules": [
                { "id": "ok", "effect": "deny" },
                {
                  "id": "bad",
                  "effect": "permit"
                }
              ]
            }
            """);

        Assert.Equal(7, error.Line);
        Assert.Contains("rules[1].effect", error.Message, StringComparison.Ordinal);
        Assert.Contains("allow, deny", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownMember_IsRefused()
    {
        var error = Refused("""
            {
              "version": 1,
              "rules": [
                { "id": "a", "effect": "deny", "tool": ["x"] }
              ]
            }
            """);

        Assert.Equal(4, error.Line);
        Assert.Contains("unknown member \"tool\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "rules": [] }""", "\"version\" is required")]
    [InlineData("""{ "version": 2, "rules": [] }""", "must be 1")]
    [InlineData("""{ "version": 1 }""", "\"rules\" is required")]
    [InlineData("""{ "version": 1, "rules": [ { "effect": "deny" } ] }""", "\"id\" is required")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "effect": "deny" }, { "id": "A", "effect": "deny" } ] }""", "used twice")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "effect": "allow", "approval": "automatic" } ] }""", "needs \"risk\"")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "effect": "allow", "risk": "low" } ] }""", "needs \"approval\"")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "effect": "deny", "approval": "supervisor" } ] }""", "a deny rule has no \"approval\"")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "effect": "allow", "risk": "extreme", "approval": "automatic" } ] }""", "low, medium, high")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "effect": "allow", "risk": "low", "approval": "board" } ] }""", "automatic, supervisor, committee")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "tools": [], "effect": "deny" } ] }""", "non-empty list")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "tools": [3], "effect": "deny" } ] }""", "non-empty strings")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "when": [ { "argument": "amount", "op": ">", "value": "1000" } ], "effect": "deny" } ] }""", "needs a number")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "when": [ { "argument": "c", "op": "in", "value": "EUR" } ], "effect": "deny" } ] }""", "non-empty list")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "when": [ { "argument": "c", "op": "~", "value": 1 } ], "effect": "deny" } ] }""", "is not allowed here")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "when": [ { "argument": "c", "op": "exists", "value": 1 } ], "effect": "deny" } ] }""", "takes no \"value\"")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a", "annotations": { "readOnly": "yes" }, "effect": "deny" } ] }""", "true or false")]
    [InlineData("""{ "version": 1, "defaults": { "approvalTimeout": "4 hours" }, "rules": [] }""", "is not a duration")]
    [InlineData("""{ "version": 1, "rules": [ { "id": "a b", "effect": "deny" } ] }""", "may only use")]
    public void Parse_InvalidPolicy_IsRefusedWithAReason(string json, string reason) =>
        Assert.Contains(reason, Refused(json).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreAccepted()
    {
        var policy = PolicyLoader.Parse(Encoding.UTF8.GetBytes("""
            {
              // The simplest policy.
              "version": 1,
              "rules": [ { "id": "a", "effect": "deny", }, ],
            }
            """), "p.json");

        Assert.Single(policy.Rules);
        Assert.Equal(4, policy.Rules[0].Line);
    }

    [Fact]
    public void LoadFile_MissingFile_NamesIt()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");

        var error = Assert.Throws<PolicyFileException>(() => PolicyLoader.LoadFile(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadDefault_ShippedPolicy_LoadsAndGatesMoneyMovements()
    {
        var policy = PolicyLoader.LoadDefault();
        PolicyRequest Call(string tool, string args = "{}") => new() { ToolName = tool, Arguments = JsonDocument.Parse(args).RootElement.Clone() };

        Assert.Equal(PolicyEffect.Allow, policy.Evaluate(Call("portfolio___get_portfolio")).Effect);
        Assert.False(policy.Evaluate(Call("portfolio___get_portfolio")).NeedsApproval);
        Assert.Equal("money-movements", policy.Evaluate(Call("accounts___request_withdrawal", """{"amount":500}""")).RuleId);
        Assert.Equal("large-money-movements", policy.Evaluate(Call("accounts___request_withdrawal", """{"amount":50000}""")).RuleId);
        Assert.Equal("contact-details", policy.Evaluate(Call("crm___update_contact_details")).RuleId);
        Assert.False(policy.Evaluate(Call("cases___create_case")).NeedsApproval);
        Assert.Equal(PolicyEffect.Deny, policy.Evaluate(Call("hr___fire_everyone")).Effect);
    }

    [Fact]
    public void Schema_PublishedNextToTheLoader_ListsExactlyTheMembersTheLoaderAccepts()
    {
        using var schema = JsonDocument.Parse(PolicyLoader.SchemaBytes());
        var root = schema.RootElement;
        var defs = root.GetProperty("$defs");
        string[] Members(JsonElement element) => [.. element.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(["$schema", "defaults", "description", "rules", "version"], Members(root));
        Assert.Equal(["annotations", "approval", "approvalTimeout", "channels", "description", "effect", "id", "profiles", "risk", "tools", "when"], Members(defs.GetProperty("rule")));
        Assert.Equal(["argument", "op", "value"], Members(defs.GetProperty("condition")));
        Assert.Equal(["destructive", "idempotent", "openWorld", "readOnly"], Members(defs.GetProperty("rule").GetProperty("properties").GetProperty("annotations")));
        Assert.Equal(
            ["!=", "<", "<=", "==", ">", ">=", "exists", "in", "matches", "notExists", "notIn"],
            defs.GetProperty("condition").GetProperty("properties").GetProperty("op").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
    }
}
