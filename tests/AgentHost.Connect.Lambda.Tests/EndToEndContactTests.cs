using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentHost.Connect.Lambda.Tests.Support;
using AgentHost.Testing;

namespace AgentHost.Connect.Lambda.Tests;

/// <summary>
/// A contact end to end: Lex V2 events → the published bootstrap (Runtime API emulator) → InvokeAgentRuntime signed with
/// SigV4 → the fake AgentCore data plane → the real runtime host (offline model, development gateway behind a counting
/// proxy) → the reply Lex gets.
/// </summary>
public sealed class EndToEndContactTests(PublishedBootstrap published, ContactStack stack) : IClassFixture<ContactStack>
{
    private const string QueueArn = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/queue/66666666-7777-8888-9999-000000000000";

    [Fact]
    public async Task Contact_ThreeTurnsOverLex_AnswersEachWithTheRealRuntimeAndEscalatesWhenAskedForAPersonAsync()
    {
        await using var lambda = await BridgeHarness.StartAsync(published, new() { ["AGENTHOST_CONNECT_ESCALATION_QUEUE"] = QueueArn }, sharedPlane: stack.DataPlane);
        var contact = Guid.NewGuid().ToString();
        var before = stack.DataPlane.Requests.Count;

        var first = await lambda.InvokeAsync(Lex(contact, "What is the portfolio of investor LP-001?", null));
        var second = await lambda.InvokeAsync(Lex(contact, "Show the trade blotter for LP-002", Attributes(first)));
        var third = await lambda.InvokeAsync(Lex(contact, "I want to speak to a human", Attributes(second)));

        Assert.Equal(("ElicitIntent", "Continue", "1"), (Action(first), Attribute(first, "Tool"), Attribute(first, "AgentHostTurn")));
        Assert.Contains("LP-001", Message(first), StringComparison.Ordinal);
        Assert.DoesNotContain('*', Message(first));
        Assert.Equal(("ElicitIntent", "Continue", "2"), (Action(second), Attribute(second, "Tool"), Attribute(second, "AgentHostTurn")));
        Assert.Contains("LP-002", Message(second), StringComparison.Ordinal);
        Assert.Equal(("Close", "Escalate", "3"), (Action(third), Attribute(third, "Tool"), Attribute(third, "AgentHostTurn")));
        Assert.Equal(QueueArn, Attribute(third, "TargetQueue"));
        Assert.Contains("escalation___escalate_to_human", Attribute(third, "EscalationSummary"), StringComparison.Ordinal);
        Assert.Contains("connect-" + contact, Attribute(third, "EscalationSummary"), StringComparison.Ordinal);

        var calls = stack.DataPlane.Requests.Skip(before).ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Null(c.SignatureProblem));
        Assert.All(calls, c => Assert.Equal("connect-" + contact, c.SessionId));
        Assert.Equal(3, calls.Select(c => c.TurnId).Distinct().Count());
        Assert.All(calls, c => Assert.Equal("VOICE", (string?)c.Payload!["channel"]));
    }

    [Fact]
    public async Task Contact_ConnectDeliversTheSameEventThreeTimes_RunsOneTurnWithOneToolCallAsync()
    {
        const string tool = "portfolio___get_portfolio";
        var contact = Guid.NewGuid().ToString();
        var body = Lex(contact, "What is the portfolio of investor LP-007?", null);
        var lambdas = new List<BridgeHarness>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                lambdas.Add(await BridgeHarness.StartAsync(published, sharedPlane: stack.DataPlane));
            }

            var toolCallsBefore = stack.Gateway.CallsOf(tool);
            stack.Gateway.Hold(tool);
            var replies = lambdas.Select(l => l.InvokeAsync(body)).ToList();
            await stack.Gateway.Reached(tool).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
            await WaitUntilAsync(() => stack.DataPlane.Requests.Count(r => r.SessionId == "connect-" + contact) == 3);
            stack.Gateway.Release(tool);
            var answers = await Task.WhenAll(replies);

            Assert.Equal(1, stack.Gateway.CallsOf(tool) - toolCallsBefore);
            Assert.Single(stack.DataPlane.Requests.Where(r => r.SessionId == "connect-" + contact).Select(r => r.TurnId).Distinct());
            Assert.All(answers, a => Assert.Contains("LP-007", Message(a), StringComparison.Ordinal));
            Assert.Single(answers.Select(Message).Distinct());
        }
        finally
        {
            foreach (var lambda in lambdas)
            {
                await lambda.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Contact_TurnSlowerThanTheBudget_AnswersTheFillerNowAndTheAnswerWithTheNextEventAsync()
    {
        const string tool = "trading___get_trade_blotter";
        await using var lambda = await BridgeHarness.StartAsync(published, new() { ["AGENTHOST_CONNECT_LEX_BUDGET_MS"] = "3000", ["AGENTHOST_CONNECT_SAFETY_MARGIN_MS"] = "500" }, sharedPlane: stack.DataPlane);
        var contact = Guid.NewGuid().ToString();
        var toolCallsBefore = stack.Gateway.CallsOf(tool);
        stack.Gateway.Hold(tool);

        var filler = await lambda.InvokeAsync(Lex(contact, "Show the trade blotter for LP-004", null));
        await WaitUntilAsync(async () => await stack.Runtime.PingStatusAsync() == "HealthyBusy");
        var busy = await stack.Runtime.PingStatusAsync();
        stack.Gateway.Release(tool);
        await WaitUntilAsync(async () => await stack.Runtime.PingStatusAsync() == "Healthy");
        var answer = await lambda.InvokeAsync(Lex(contact, "thanks", Attributes(filler)));

        Assert.Equal("One moment while I look into that.", Message(filler));
        Assert.Equal(("ElicitIntent", "Continue"), (Action(filler), Attribute(filler, "Tool")));
        Assert.False(string.IsNullOrEmpty(Attribute(filler, "AgentHostPendingTurn")));
        Assert.Equal("HealthyBusy", busy);
        Assert.Contains("LP-004", Message(answer), StringComparison.Ordinal);
        Assert.Null(Attribute(answer, "AgentHostPendingTurn"));
        Assert.Equal("2", Attribute(answer, "AgentHostTurn"));
        var turns = stack.DataPlane.Requests.Where(r => r.SessionId == "connect-" + contact).ToList();
        Assert.Equal([turns[0].TurnId, turns[0].TurnId], turns.Take(2).Select(t => t.TurnId));
        Assert.Equal(1, stack.Gateway.CallsOf(tool) - toolCallsBefore);
    }

    [Fact]
    public async Task Contact_RuntimeDown_AnswersTheFallbackAndEscalatesAsync()
    {
        await using var plane = await FakeAgentCoreDataPlane.StartAsync();
        plane.RuntimeHost = new Uri("http://127.0.0.1:9");
        await using var lambda = await BridgeHarness.StartAsync(published, new() { ["AGENTHOST_CONNECT_LEX_BUDGET_MS"] = "4000" }, sharedPlane: plane);

        var reply = await lambda.InvokeAsync(Lex(Guid.NewGuid().ToString(), "What is the portfolio of investor LP-001?", null));

        Assert.Equal(("Close", "Escalate"), (Action(reply), Attribute(reply, "Tool")));
        Assert.Equal("Sorry, I can't help with that right now. Let me get someone who can.", Message(reply));
        Assert.Contains("could not answer", Attribute(reply, "EscalationSummary"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_FlowEventWithTheWords_AnswersWithAStringMapFromTheRuntimeAsync()
    {
        await using var lambda = await BridgeHarness.StartAsync(published, sharedPlane: stack.DataPlane);
        var flowEvent = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "connect", "events", "synthetic__chat-invoke-lambda-event.json")))!;
        flowEvent["Details"]!["ContactData"]!["ContactId"] = Guid.NewGuid().ToString();
        flowEvent["Details"]!["Parameters"]!["utterance"] = "What is the portfolio of investor LP-002?";

        var reply = await lambda.InvokeAsync(Encoding.UTF8.GetBytes(flowEvent.ToJsonString()));

        Assert.All(reply.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal("Continue", reply.GetProperty("Tool").GetString());
        Assert.Contains("LP-002", reply.GetProperty("Reply").GetString(), StringComparison.Ordinal);
        Assert.Equal("1", reply.GetProperty("AgentHostTurn").GetString());
    }

    private static byte[] Lex(string contact, string words, JsonObject? attributes)
    {
        var root = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "lex", "synthetic__fallback-codehook-event-voice.json")))!.AsObject();
        root["sessionId"] = contact;
        root["inputTranscript"] = words;
        var session = attributes ?? new JsonObject { ["ContactId"] = contact, ["Channel"] = "VOICE" };
        root["sessionState"]!["sessionAttributes"] = session;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    /// <summary>The session attributes Lex sends with the next event: those the bridge answered with.</summary>
    private static JsonObject Attributes(JsonElement reply) => JsonNode.Parse(reply.GetProperty("sessionState").GetProperty("sessionAttributes").GetRawText())!.AsObject();

    private static string Action(JsonElement reply) => reply.GetProperty("sessionState").GetProperty("dialogAction").GetProperty("type").GetString()!;

    private static string? Attribute(JsonElement reply, string name)
        => reply.GetProperty("sessionState").GetProperty("sessionAttributes").TryGetProperty(name, out var value) ? value.GetString() : null;

    private static string Message(JsonElement reply) => reply.GetProperty("messages")[0].GetProperty("content").GetString()!;

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("The condition did not become true within 60 seconds.");
    }
}
