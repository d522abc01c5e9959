using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentHost.Connect.Bridge;
using AgentHost.Connect.Tests.Support;
using AgentHost.Testing.Time;

namespace AgentHost.Connect.Tests.Bridge;

public sealed class ConnectBridgeTests
{
    private static readonly ManualTimeProvider Clock = new();

    public static TheoryData<string> FlowEvents => ConnectFixtures.Names(ConnectFixtures.FlowEvents());

    public static TheoryData<string> LexEvents => ConnectFixtures.Names(ConnectFixtures.LexEvents());

    [Theory]
    [MemberData(nameof(LexEvents))]
    public async Task HandleAsync_LexFixture_AnswersInLexFormatAndContinuesTheConversationAsync(string name)
    {
        var invoker = FakeInvoker.Answering("Order A-1001 shipped yesterday.");
        var reply = await HandleAsync(invoker, File.ReadAllBytes(ConnectFixtures.Folder("lex", name)));

        var state = reply.GetProperty("sessionState");
        Assert.Equal("ElicitIntent", state.GetProperty("dialogAction").GetProperty("type").GetString());
        Assert.Equal("Continue", Json.Attribute(reply, "Tool"));
        Assert.Equal("1", Json.Attribute(reply, "AgentHostTurn"));
        Assert.StartsWith("connect-", Json.Attribute(reply, "AgentHostSessionId"), StringComparison.Ordinal);
        var message = Assert.Single(reply.GetProperty("messages").EnumerateArray());
        Assert.Equal("PlainText", message.GetProperty("contentType").GetString());
        Assert.Equal("Order A-1001 shipped yesterday.", message.GetProperty("content").GetString());
        var call = Assert.Single(invoker.Calls);
        Assert.Equal(Json.Attribute(reply, "AgentHostSessionId"), call.SessionId);
    }

    [Theory]
    [MemberData(nameof(FlowEvents))]
    public async Task HandleAsync_ContactFlowFixture_AnswersWithAFlatStringMapUnder32KbAsync(string name)
    {
        var bytes = File.ReadAllBytes(ConnectFixtures.Folder("connect", "events", name));
        var reply = await HandleBytesAsync(FakeInvoker.Answering("Hello, how can I help?"), bytes);

        Assert.True(reply.Length < 32 * 1024);
        var map = Json.Parse(reply);
        Assert.All(map.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal("Continue", map.GetProperty("Tool").GetString());
        Assert.StartsWith("connect-", map.GetProperty("AgentHostSessionId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ChatFlowEventWithUtterance_SendsTheWordsChannelLanguageAndContactAttributesAsync()
    {
        var invoker = FakeInvoker.Answering("It arrives Friday.");
        var reply = Json.Parse(await HandleBytesAsync(invoker, File.ReadAllBytes(ConnectFixtures.Folder("connect", "events", "synthetic__chat-invoke-lambda-event.json"))));

        var call = Assert.Single(invoker.Calls);
        Assert.Equal("Where is my order A-1001?", call.Prompt);
        Assert.Equal("CHAT", call.Channel);
        Assert.Equal("en-US", call.Language);
        Assert.Equal("5b1f2c3d-0000-4000-8000-00000000abcd", call.ContactId);
        Assert.Equal("connect-5b1f2c3d-0000-4000-8000-00000000abcd", call.Attributes["agentSessionId"]);
        Assert.False(call.Attributes.ContainsKey("utterance"));
        Assert.Equal("It arrives Friday.", reply.GetProperty("Reply").GetString());
        Assert.Equal("1", reply.GetProperty("AgentHostTurn").GetString());
    }

    [Fact]
    public async Task HandleAsync_VoiceFlowEvent_MasksTheCustomerEndpointAsync()
    {
        var invoker = FakeInvoker.Answering("Hi.");
        await HandleBytesAsync(invoker, FlowEvent(parameters: new() { ["Utterance"] = "hello" }));

        var call = Assert.Single(invoker.Calls);
        Assert.Equal("+*******890", call.Attributes["customerEndpoint"]);
        Assert.DoesNotContain(call.Attributes.Values, v => v.Contains("1234567890", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_RetriedEvent_SendsTheSameTurnIdAndANewUtteranceANewOneAsync()
    {
        var invoker = FakeInvoker.Answering("Sure.");
        var first = LexEvent("check my balance", turn: 2);
        await HandleAsync(invoker, first);
        await HandleAsync(invoker, first);
        await HandleAsync(invoker, LexEvent("and my trades", turn: 3));

        var calls = invoker.Calls.ToArray();
        Assert.Equal(calls[0].TurnId, calls[1].TurnId);
        Assert.NotEqual(calls[0].TurnId, calls[2].TurnId);
        Assert.Equal(calls[0].SessionId, calls[2].SessionId);
    }

    [Fact]
    public async Task HandleAsync_EscalationToolCalled_ClosesWithEscalateSummaryQueueAndSessionAsync()
    {
        var input = JsonDocument.Parse("""{"reason":"customer wants a human","priority":"high"}""").RootElement.Clone();
        var invoker = FakeInvoker.Answering("Let me connect you with an agent.", new AgentToolCall("escalation___escalate_to_human", "success", input));
        var options = new ConnectBridgeOptions { EscalationQueue = "arn:aws:connect:us-east-1:123456789012:instance/i/queue/q" };

        var reply = await HandleAsync(invoker, LexEvent("I want a person"), options);

        var state = reply.GetProperty("sessionState");
        Assert.Equal("Close", state.GetProperty("dialogAction").GetProperty("type").GetString());
        Assert.Equal("Fulfilled", state.GetProperty("intent").GetProperty("state").GetString());
        Assert.Equal("FallbackIntent", state.GetProperty("intent").GetProperty("name").GetString());
        Assert.Equal("Escalate", Json.Attribute(reply, "Tool"));
        Assert.Equal(options.EscalationQueue, Json.Attribute(reply, "TargetQueue"));
        var summary = Json.Attribute(reply, "EscalationSummary")!;
        Assert.Contains("customer wants a human", summary, StringComparison.Ordinal);
        Assert.Contains("priority: high", summary, StringComparison.Ordinal);
        Assert.Contains(Json.Attribute(reply, "AgentHostSessionId")!, summary, StringComparison.Ordinal);
        Assert.True(summary.Length <= options.SummaryMaxChars);
    }

    [Fact]
    public async Task HandleAsync_EscalationWithALinkConfigured_GivesTheAgentTheEscalationPackageLinkAsync()
    {
        var invoker = FakeInvoker.Answering("Let me connect you with an agent.", new AgentToolCall("escalation___escalate_to_human", "success", null));
        var options = new ConnectBridgeOptions { EscalationUrlTemplate = "https://supervisor.example.com/escalations/contact/{contactId}?s={sessionId}" };

        var reply = await HandleAsync(invoker, LexEvent("I want a person"), options);

        var contactId = Json.Attribute(reply, "ContactId")!;
        var sessionId = Json.Attribute(reply, "AgentHostSessionId")!;
        Assert.Equal($"https://supervisor.example.com/escalations/contact/{Uri.EscapeDataString(contactId)}?s={Uri.EscapeDataString(sessionId)}", Json.Attribute(reply, "EscalationUrl"));
    }

    [Fact]
    public async Task HandleAsync_EscalationWithoutALink_SetsTheLinkEmptyAndContinueRemovesItAsync()
    {
        var escalating = FakeInvoker.Answering("Let me connect you.", new AgentToolCall("escalation___escalate_to_human", "success", null));
        var escalated = await HandleAsync(escalating, LexEvent("I want a person"));
        var continuing = await HandleAsync(FakeInvoker.Answering("Sure."), LexEvent("thanks"));

        Assert.Equal(string.Empty, Json.Attribute(escalated, "EscalationUrl"));
        Assert.Null(Json.Attribute(continuing, "EscalationUrl"));
    }

    [Fact]
    public async Task HandleAsync_FailedEscalationTool_DoesNotEscalateAsync()
    {
        var invoker = FakeInvoker.Answering("I could not reach the team.", new AgentToolCall("escalation___escalate_to_human", "error", null));

        var reply = await HandleAsync(invoker, LexEvent("I want a person"));

        Assert.Equal("Continue", Json.Attribute(reply, "Tool"));
    }

    [Theory]
    [InlineData(AgentTurnFailure.Unreachable)]
    [InlineData(AgentTurnFailure.Throttled)]
    [InlineData(AgentTurnFailure.ServerError)]
    [InlineData(AgentTurnFailure.Rejected)]
    public async Task HandleAsync_RuntimeFails_AnswersTheFallbackAndEscalatesAsync(AgentTurnFailure failure)
    {
        var options = new ConnectBridgeOptions();
        var invoker = new FakeInvoker(_ => AgentTurnOutcome.Failed(failure, "test"));

        var reply = await HandleAsync(invoker, LexEvent("hello"), options);

        Assert.Equal("Escalate", Json.Attribute(reply, "Tool"));
        Assert.Equal("Close", reply.GetProperty("sessionState").GetProperty("dialogAction").GetProperty("type").GetString());
        Assert.Equal(options.FallbackText, reply.GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Contains("could not answer", Json.Attribute(reply, "EscalationSummary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_TurnStillRunning_AnswersTheFillerAndKeepsThePendingTurnAsync()
    {
        var options = new ConnectBridgeOptions();
        var invoker = new FakeInvoker(_ => AgentTurnOutcome.Running());

        var reply = await HandleAsync(invoker, LexEvent("run the big report"), options);

        Assert.Equal("ElicitIntent", reply.GetProperty("sessionState").GetProperty("dialogAction").GetProperty("type").GetString());
        Assert.Equal("Continue", Json.Attribute(reply, "Tool"));
        Assert.Equal(options.FillerText, reply.GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Equal(invoker.Calls.Single().TurnId, Json.Attribute(reply, "AgentHostPendingTurn"));
        Assert.Equal("run the big report", Json.Attribute(reply, "AgentHostPendingPrompt"));
        Assert.Equal("1", Json.Attribute(reply, "AgentHostFillers"));
    }

    [Fact]
    public async Task HandleAsync_PendingTurnStillRunningAfterTheLastFiller_EscalatesAndDropsThePendingTurnAsync()
    {
        var options = new ConnectBridgeOptions { MaxFillers = 3 };
        var invoker = new FakeInvoker(_ => AgentTurnOutcome.Running());

        var second = await HandleAsync(invoker, LexEvent("hello?", turn: 1, pendingTurn: "turn-0001-aaaaaaaa", pendingPrompt: "run the big report", fillers: 2), options);
        var fourth = await HandleAsync(invoker, LexEvent("hello?", turn: 1, pendingTurn: "turn-0001-aaaaaaaa", pendingPrompt: "run the big report", fillers: 3), options);

        Assert.Equal("Continue", Json.Attribute(second, "Tool"));
        Assert.Equal("3", Json.Attribute(second, "AgentHostFillers"));
        Assert.Equal("Escalate", Json.Attribute(fourth, "Tool"));
        Assert.Null(Json.Attribute(fourth, "AgentHostPendingTurn"));
        Assert.Null(Json.Attribute(fourth, "AgentHostFillers"));
        Assert.Contains("did not finish", Json.Attribute(fourth, "EscalationSummary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_NextEventAfterFiller_CollectsThePendingTurnFirstThenRunsTheNewWordsAsync()
    {
        var invoker = new FakeInvoker(call => call.Prompt == "run the big report"
            ? AgentTurnOutcome.Completed("The report is ready.", "endTurn", [], replayed: true)
            : AgentTurnOutcome.Completed("You're welcome.", "endTurn", []));
        var next = LexEvent("thanks", turn: 1, pendingTurn: "turn-0001-aaaaaaaa", pendingPrompt: "run the big report");

        var reply = await HandleAsync(invoker, next);

        var calls = invoker.Calls.ToArray();
        Assert.Equal("turn-0001-aaaaaaaa", calls[0].TurnId);
        Assert.Equal("run the big report", calls[0].Prompt);
        Assert.Equal("thanks", calls[1].Prompt);
        Assert.Equal("The report is ready. You're welcome.", reply.GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Null(Json.Attribute(reply, "AgentHostPendingTurn"));
        Assert.Null(Json.Attribute(reply, "AgentHostPendingPrompt"));
        Assert.Equal("2", Json.Attribute(reply, "AgentHostTurn"));
    }

    [Fact]
    public async Task HandleAsync_PendingTurnStillRunning_AnswersTheFillerAgainWithoutSendingNewWordsAsync()
    {
        var invoker = new FakeInvoker(_ => AgentTurnOutcome.Running());

        var reply = await HandleAsync(invoker, LexEvent("hello?", turn: 1, pendingTurn: "turn-0001-aaaaaaaa", pendingPrompt: "run the big report"));

        Assert.Single(invoker.Calls);
        Assert.Equal("turn-0001-aaaaaaaa", Json.Attribute(reply, "AgentHostPendingTurn"));
        Assert.Equal("1", Json.Attribute(reply, "AgentHostTurn"));
    }

    [Fact]
    public async Task HandleAsync_EmptyTranscript_AsksAgainWithoutCallingTheRuntimeAsync()
    {
        var options = new ConnectBridgeOptions();
        var invoker = FakeInvoker.Answering("unused");

        var reply = await HandleAsync(invoker, LexEvent(string.Empty), options);

        Assert.Empty(invoker.Calls);
        Assert.Equal(options.NoInputText, reply.GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public async Task HandleAsync_VoiceAnswerWithMarkdown_IsSpokenTextAndChatKeepsItAsync()
    {
        var invoker = FakeInvoker.Answering("**Balance**: $1,200 <b>today</b>");

        var voice = await HandleAsync(invoker, LexEvent("balance", inputMode: "Speech"));
        var chat = await HandleAsync(invoker, LexEvent("balance", inputMode: "Text", channel: "CHAT"));

        Assert.Equal("Balance: $1,200 today.", voice.GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Equal("**Balance**: $1,200 <b>today</b>", chat.GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public async Task HandleAsync_UnknownEvent_AnswersAStringMapWithEscalateAsync()
    {
        var reply = Json.Parse(await HandleBytesAsync(FakeInvoker.Answering("unused"), "{\"hello\":1}"u8.ToArray()));

        Assert.Equal("Escalate", reply.GetProperty("Tool").GetString());
        Assert.Equal(new ConnectBridgeOptions().FallbackText, reply.GetProperty("Reply").GetString());
    }

    [Fact]
    public async Task HandleAsync_LexEventWithoutAnyContactOrSessionId_AnswersLexCloseWithEscalateAsync()
    {
        var json = """{"invocationSource":"FulfillmentCodeHook","inputTranscript":"hi","inputMode":"Text","sessionState":{"sessionAttributes":{}}}""";
        var invoker = FakeInvoker.Answering("unused");

        var reply = await HandleAsync(invoker, Encoding.UTF8.GetBytes(json));

        Assert.Empty(invoker.Calls);
        Assert.Equal("Close", reply.GetProperty("sessionState").GetProperty("dialogAction").GetProperty("type").GetString());
        Assert.Equal("Escalate", Json.Attribute(reply, "Tool"));
    }

    [Fact]
    public async Task HandleAsync_InvokerThrows_StillAnswersWithEscalateAsync()
    {
        var invoker = new FakeInvoker(_ => throw new InvalidOperationException("boom"));

        var reply = await HandleAsync(invoker, LexEvent("hello"));

        Assert.Equal("Escalate", Json.Attribute(reply, "Tool"));
    }

    [Fact]
    public async Task HandleAsync_LexEvent_KeepsForeignSessionAttributesAndPassesThemToTheAgentAsync()
    {
        var invoker = FakeInvoker.Answering("ok");

        var reply = await HandleAsync(invoker, File.ReadAllBytes(ConnectFixtures.Folder("lex", "aws-lambda-dotnet__lexv2-event.json")));

        Assert.Equal("sessionvalue1", Json.Attribute(reply, "sessionattribute1"));
        Assert.Equal("sessionvalue1", invoker.Calls.Single().Attributes["sessionattribute1"]);
        Assert.Equal("testcontext", reply.GetProperty("sessionState").GetProperty("activeContexts")[0].GetProperty("name").GetString());
        Assert.Equal("DTMF", invoker.Calls.Single().Attributes["inputMode"]);
    }

    [Fact]
    public void ReplyBy_LambdaDeadlineEarlierThanTheBudget_UsesTheDeadlineLessTheMargin()
    {
        var options = new ConnectBridgeOptions { LexBudget = TimeSpan.FromSeconds(8), SafetyMargin = TimeSpan.FromSeconds(1) };
        var bridge = new ConnectBridge(FakeInvoker.Answering("x"), options, Clock);
        var context = Context(TimeSpan.FromSeconds(8));

        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromSeconds(7), bridge.ReplyBy(context, lambdaDeadline: null));
        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromSeconds(2), bridge.ReplyBy(context, Clock.GetUtcNow() + TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public async Task HandleAsync_FlowEventWithBudgetParameter_WaitsForThatLongAsync()
    {
        var invoker = FakeInvoker.Answering("ok");
        var options = new ConnectBridgeOptions { SafetyMargin = TimeSpan.FromSeconds(1) };

        await HandleBytesAsync(invoker, FlowEvent(parameters: new() { ["Utterance"] = "hi", ["BudgetMs"] = "60000" }), options);

        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromSeconds(59), invoker.Calls.Single().ReplyBy);
    }

    [Fact]
    public async Task HandleAsync_FlowEventState_ComesBackAsResultKeysToCopyAsync()
    {
        var invoker = new FakeInvoker(_ => AgentTurnOutcome.Running());

        var reply = Json.Parse(await HandleBytesAsync(invoker, FlowEvent(parameters: new() { ["Utterance"] = "slow one" }, attributes: new() { ["AgentHostTurn"] = "4" })));

        Assert.Equal("5", reply.GetProperty("AgentHostTurn").GetString());
        Assert.Equal(invoker.Calls.Single().TurnId, reply.GetProperty("AgentHostPendingTurn").GetString());
        Assert.Equal("slow one", reply.GetProperty("AgentHostPendingPrompt").GetString());
        Assert.Equal(string.Empty, reply.GetProperty("EscalationSummary").GetString());
    }

    private static ContactTurnContext Context(TimeSpan budget) => new()
    {
        Kind = AgentHost.Connect.Events.ConnectEventKind.Lex,
        ContactId = "c",
        SessionId = "connect-c",
        Channel = "VOICE",
        Voice = true,
        Utterance = "x",
        Counter = 0,
        Budget = budget,
        Attributes = new Dictionary<string, string>(),
    };

    private static async Task<JsonElement> HandleAsync(IAgentTurnInvoker invoker, byte[] json, ConnectBridgeOptions? options = null)
        => Json.Parse(await HandleBytesAsync(invoker, json, options));

    private static Task<byte[]> HandleBytesAsync(IAgentTurnInvoker invoker, byte[] json, ConnectBridgeOptions? options = null)
        => new ConnectBridge(invoker, options ?? new ConnectBridgeOptions(), Clock).HandleAsync(json, lambdaDeadline: null, TestContext.Current.CancellationToken);

    internal static byte[] LexEvent(string transcript, int turn = 0, string? pendingTurn = null, string? pendingPrompt = null, string inputMode = "Speech", string channel = "VOICE", int fillers = 0)
    {
        var attributes = new JsonObject { ["ContactId"] = "4a573372-1f28-4e26-b97b-000000000001", ["Channel"] = channel };
        if (turn > 0)
        {
            attributes["AgentHostTurn"] = turn.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (pendingTurn is not null)
        {
            attributes["AgentHostPendingTurn"] = pendingTurn;
            attributes["AgentHostPendingPrompt"] = pendingPrompt;
            attributes["AgentHostFillers"] = fillers.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var root = JsonNode.Parse(File.ReadAllText(ConnectFixtures.Folder("lex", "synthetic__fallback-codehook-event-voice.json")))!.AsObject();
        root["inputTranscript"] = transcript;
        root["inputMode"] = inputMode;
        root["sessionState"]!["sessionAttributes"] = attributes;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    internal static byte[] FlowEvent(Dictionary<string, string> parameters, Dictionary<string, string>? attributes = null)
    {
        var root = JsonNode.Parse(File.ReadAllText(ConnectFixtures.Folder("connect", "events", "aws-lambda-dotnet__connect-contactflow-event.json")))!.AsObject();
        var details = root["Details"]!;
        details["Parameters"] = new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
        details["ContactData"]!["Attributes"] = new JsonObject((attributes ?? []).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
