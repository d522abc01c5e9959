using AgentHost.Abstractions.Agents;
using AgentHost.Core.Instructions;

namespace AgentHost.Core.Tests.Instructions;

public sealed class InstructionTemplateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_KnownPlaceholders_FillsThemFromTheInvocation()
    {
        var invocation = new InvocationContext
        {
            SessionId = "s-1",
            TurnId = "t-1",
            Channel = "VOICE",
            Language = "en-GB",
            ContactId = "contact-9",
            Attributes = new Dictionary<string, string> { ["tier"] = "gold" },
        };

        var text = InstructionTemplate.Render("{agentName} on {channel} in {language} for {contactId}, tier {attributes.tier}, {date}, {{literal}}", "helper", invocation, Now);

        Assert.Equal("helper on VOICE in en-GB for contact-9, tier gold, 2026-11-22, {literal}", text);
    }

    [Fact]
    public void Render_MissingValues_RenderAsUnknown()
    {
        var invocation = new InvocationContext { SessionId = "s-1", TurnId = "t-1" };

        Assert.Equal("unknown/unknown", InstructionTemplate.Render("{channel}/{attributes.missing}", "a", invocation, Now));
    }

    [Theory]
    [InlineData("{chanel} stays", "{chanel} stays")]
    [InlineData("{{{channel}}}", "{VOICE}")]
    [InlineData("{{channel}}", "{channel}")]
    [InlineData("a { b } c", "a { b } c")]
    [InlineData("{channel}{channel}", "VOICEVOICE")]
    [InlineData("", "")]
    public void Render_EscapesUnknownNamesAndStrayBraces_RenderAsWritten(string template, string expected)
    {
        var invocation = new InvocationContext { SessionId = "s-1", TurnId = "t-1", Channel = "VOICE" };

        Assert.Equal(expected, InstructionTemplate.Render(template, "a", invocation, Now));
    }

    [Fact]
    public void Render_SameTemplateTwice_UsesEachInvocationsValues()
    {
        const string template = "Session {sessionId} on {channel}.";

        var first = InstructionTemplate.Render(template, "a", new InvocationContext { SessionId = "s-1", TurnId = "t-1", Channel = "VOICE" }, Now);
        var second = InstructionTemplate.Render(template, "a", new InvocationContext { SessionId = "s-2", TurnId = "t-1", Channel = "CHAT" }, Now);

        Assert.Equal(("Session s-1 on VOICE.", "Session s-2 on CHAT."), (first, second));
    }

    [Fact]
    public void FindUnknownPlaceholders_TyposBesideKnownAndEscapedPlaceholders_ReportsTyposOnly()
    {
        Assert.Equal(["chanel", "attributes."], InstructionTemplate.FindUnknownPlaceholders("{chanel} {channel} {attributes.x} {attributes.} {{escaped}}"));
    }
}
