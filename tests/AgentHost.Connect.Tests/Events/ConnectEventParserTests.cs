using System.Text;
using AgentHost.Connect.Events;
using AgentHost.Connect.Tests.Support;

namespace AgentHost.Connect.Tests.Events;

public sealed class ConnectEventParserTests
{
    public static TheoryData<string> FlowEvents => ConnectFixtures.Names(ConnectFixtures.FlowEvents());

    public static TheoryData<string> LexEvents => ConnectFixtures.Names(ConnectFixtures.LexEvents());

    [Theory]
    [MemberData(nameof(FlowEvents))]
    public void Parse_ContactFlowFixture_IsAContactFlowEventWithItsContact(string name)
    {
        var parsed = ConnectEventParser.Parse(File.ReadAllBytes(ConnectFixtures.Folder("connect", "events", name)));

        Assert.Equal(ConnectEventKind.ContactFlow, parsed.Kind);
        Assert.False(string.IsNullOrEmpty(parsed.Event!.Details!.ContactData!.ContactId));
        Assert.NotNull(parsed.Event.Details.ContactData.Channel);
    }

    [Theory]
    [MemberData(nameof(LexEvents))]
    public void Parse_LexFixture_IsALexEventWithTranscriptAndSessionState(string name)
    {
        var parsed = ConnectEventParser.Parse(File.ReadAllBytes(ConnectFixtures.Folder("lex", name)));

        Assert.Equal(ConnectEventKind.Lex, parsed.Kind);
        Assert.False(string.IsNullOrEmpty(parsed.Event!.InputTranscript));
        Assert.NotNull(parsed.Event.SessionState);
        Assert.Contains(parsed.Event.InvocationSource, new[] { "DialogCodeHook", "FulfillmentCodeHook" });
        Assert.Contains(parsed.Event.InputMode, new[] { "Text", "Speech", "DTMF" });
    }

    [Fact]
    public void Parse_ChatFixture_ReadsChannelParametersAndNullEndpoints()
    {
        var parsed = ConnectEventParser.Parse(File.ReadAllBytes(ConnectFixtures.Folder("connect", "events", "synthetic__chat-invoke-lambda-event.json")));

        var contact = parsed.Event!.Details!.ContactData!;
        Assert.Equal("CHAT", contact.Channel);
        Assert.Null(contact.CustomerEndpoint);
        Assert.Null(contact.Queue);
        Assert.Equal("Where is my order A-1001?", parsed.Event.Details.Parameters!["utterance"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{oops")]
    [InlineData("[1,2,3]")]
    [InlineData("\"text\"")]
    [InlineData("{\"Details\": {\"Parameters\": {\"a\": \"b\"}}}")]
    [InlineData("{\"hello\": \"world\"}")]
    [InlineData("{\"Details\": {\"ContactData\": {\"Attributes\": {\"nested\": {\"x\": 1}}}}}")]
    public void Parse_MalformedOrUnknownEvent_IsUnknownWithAProblemAndNeverThrows(string json)
    {
        var parsed = ConnectEventParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(ConnectEventKind.Unknown, parsed.Kind);
        Assert.False(string.IsNullOrWhiteSpace(parsed.Problem));
    }

    [Fact]
    public void Parse_JsonNull_IsUnknown()
    {
        Assert.Equal(ConnectEventKind.Unknown, ConnectEventParser.Parse("null"u8).Kind);
    }
}
