using System.Text;
using System.Text.Json;
using AgentHost.Connect.Bridge;
using AgentHost.Connect.Events;
using AgentHost.Connect.Replies;
using AgentHost.Connect.Routing;
using AgentHost.Connect.Serialization;

namespace AgentHost.Connect.Tests.Replies;

public sealed class FlowReplyWriterTests
{
    [Fact]
    public void Write_HugeAnswerAndSummary_StaysUnderConnectsLimitAsStrings()
    {
        var sentence = "Ünïcödé words make this answer very long indeed. ";
        var decision = new BridgeDecision
        {
            Text = string.Concat(Enumerable.Repeat(sentence, 2000)),
            Route = ConnectRoute.Escalate,
            Counter = 9,
            EscalationSummary = string.Concat(Enumerable.Repeat(sentence, 2000)),
        };
        var context = new ContactTurnContext
        {
            Kind = ConnectEventKind.ContactFlow, ContactId = "c", SessionId = "connect-c", Channel = "CHAT", Voice = false,
            Utterance = "x", Counter = 8, Budget = TimeSpan.FromSeconds(8), Attributes = new Dictionary<string, string>(),
        };

        var map = FlowReplyWriter.Write(context, decision, new ConnectBridgeOptions { ChatMaxChars = 100_000 }, "queue-arn");
        var bytes = JsonSerializer.SerializeToUtf8Bytes(map, ConnectJsonContext.Default.DictionaryStringString);

        Assert.True(bytes.Length < FlowReplyWriter.MaxResultBytes, $"{bytes.Length} bytes");
        Assert.EndsWith(".", map["Reply"], StringComparison.Ordinal);
        Assert.True(map["Reply"].Length > 1000);
        Assert.Equal("queue-arn", map["TargetQueue"]);
        Assert.Equal("Escalate", map["Tool"]);
        Assert.Equal("9", map["AgentHostTurn"]);
        Assert.True(Encoding.UTF8.GetByteCount(map["EscalationSummary"]) > 0);
    }

    [Fact]
    public void Write_EscalateWithALinkTemplate_PutsTheContactsLinkInTheResult()
    {
        var decision = new BridgeDecision { Text = "Connecting you.", Route = ConnectRoute.Escalate, Counter = 2, EscalationSummary = "wants a human" };
        var context = new ContactTurnContext
        {
            Kind = ConnectEventKind.ContactFlow, ContactId = "c 1", SessionId = "connect-c", Channel = "CHAT", Voice = false,
            Utterance = "x", Counter = 1, Budget = TimeSpan.FromSeconds(8), Attributes = new Dictionary<string, string>(),
        };
        var options = new ConnectBridgeOptions { EscalationUrlTemplate = "https://console.example.com/escalations/contact/{contactId}" };

        var escalated = FlowReplyWriter.Write(context, decision, options, null);
        var continued = FlowReplyWriter.Write(context, new BridgeDecision { Text = "Anything else?", Route = ConnectRoute.Continue, Counter = 2 }, options, null);

        Assert.Equal("https://console.example.com/escalations/contact/c%201", escalated["EscalationUrl"]);
        Assert.Equal(string.Empty, continued["EscalationUrl"]);
    }
}
