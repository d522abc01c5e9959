using System.Net;
using System.Text.Json;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.AgentCore.Runtime.Tests;

public sealed class InvocationTests
{
    [Fact]
    public async Task Invoke_Json_ReturnsTheTurnSummaryAsync()
    {
        var tool = TestTools.Create("get_customer_profile", (args, _) => new ValueTask<object?>("""{"name":"Alan Turing","tier":"gold"}"""));
        await using var host = await RuntimeTestHost.StartAsync([tool]);
        host.Model
            .ThenToolCalls(Responses.Call("tooluse_C-1042", "get_customer_profile", ("customerId", "C-1042")))
            .ThenText("Customer Alan Turing is gold.", 150, 30);

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"What tier is C-1042?"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        var length = response.Content.Headers.ContentLength;
        var body = await ReadJsonAsync(response);
        Assert.Equal(length, System.Text.Encoding.UTF8.GetByteCount(body.GetRawText()));
        Assert.Equal(RuntimeTestHost.SessionId, body.GetProperty("sessionId").GetString());
        Assert.Equal("Customer Alan Turing is gold.", body.GetProperty("text").GetString());
        Assert.Equal("endTurn", body.GetProperty("stopReason").GetString());
        Assert.Equal(2, body.GetProperty("cycles").GetInt32());
        var call = Assert.Single(body.GetProperty("toolCalls").EnumerateArray());
        Assert.Equal("get_customer_profile", call.GetProperty("name").GetString());
        Assert.Equal("C-1042", call.GetProperty("input").GetProperty("customerId").GetString());
        Assert.Equal("success", call.GetProperty("status").GetString());
        var usage = body.GetProperty("usage");
        Assert.Equal((160, 35, 195), (usage.GetProperty("inputTokens").GetInt64(), usage.GetProperty("outputTokens").GetInt64(), usage.GetProperty("totalTokens").GetInt64()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("turnId").GetString()));
    }

    [Theory]
    [InlineData(100)]
    [InlineData(80_000)]
    public async Task Invoke_SmallOrLargePrompt_ReachesTheModelWholeAsync(int length)
    {
        await using var host = await RuntimeTestHost.StartAsync();
        host.Model.ThenText("Noted.", 10, 2);
        var prompt = "Q" + new string('x', length - 1);

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation($$"""{"prompt":"{{prompt}}"}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(host.Model.Calls);
        Assert.Contains(call.Messages, m => m.Text == prompt);
    }

    [Fact]
    public async Task Invoke_SessionIdInBody_IsUsedWhenTheHeaderIsAbsentAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        host.Model.ThenText("ok");

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"hi","sessionId":"body-session-1"}""", sessionId: null), TestContext.Current.CancellationToken);

        Assert.Equal("body-session-1", (await ReadJsonAsync(response)).GetProperty("sessionId").GetString());
    }

    [Fact]
    public async Task Invoke_SameSession_ContinuesTheConversationAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        host.Model.ThenText("Nice to meet you, Ada.").Then(call =>
        {
            Assert.Contains(call.Messages, m => m.Role == ChatRole.User && m.Text == "My name is Ada.");
            Assert.Contains(call.Messages, m => m.Role == ChatRole.Assistant && m.Text == "Nice to meet you, Ada.");
            return Responses.Text("Your name is Ada.");
        });

        (await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"My name is Ada."}"""), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        using var second = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"What is my name?"}"""), TestContext.Current.CancellationToken);

        Assert.Equal("Your name is Ada.", (await ReadJsonAsync(second)).GetProperty("text").GetString());
        var snapshot = await host.Store.LoadAsync(RuntimeTestHost.SessionId, 10, TestContext.Current.CancellationToken);
        Assert.Equal(2, snapshot.Header!.TurnCount);
    }

    [Fact]
    public async Task Invoke_DifferentSessions_AreIndependentAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        host.Model.ThenText("first").Then(call =>
        {
            Assert.Single(call.Messages);
            return Responses.Text("second");
        });

        (await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"one"}""", "session-a"), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"two"}""", "session-b"), TestContext.Current.CancellationToken);

        Assert.Equal("second", (await ReadJsonAsync(response)).GetProperty("text").GetString());
    }

    [Fact]
    public async Task Invoke_RetryWithSameTurnId_ReturnsStoredResultWithoutRunningAgainAsync()
    {
        var runs = 0;
        var tool = TestTools.Create("create_ticket", (_, _) =>
        {
            Interlocked.Increment(ref runs);
            return new ValueTask<object?>("T-1");
        });
        await using var host = await RuntimeTestHost.StartAsync([tool]);
        host.Model.ThenToolCalls(Responses.Call("c1", "create_ticket")).ThenText("Ticket T-1 created.");

        const string body = """{"prompt":"open a ticket","turnId":"connect-retry-1"}""";
        using var first = await host.Client.SendAsync(RuntimeTestHost.Invocation(body), TestContext.Current.CancellationToken);
        using var retry = await host.Client.SendAsync(RuntimeTestHost.Invocation(body), TestContext.Current.CancellationToken);

        var retried = await ReadJsonAsync(retry);
        Assert.Equal(1, runs);
        Assert.Equal(2, host.Model.Calls.Count);
        Assert.Equal("Ticket T-1 created.", retried.GetProperty("text").GetString());
        Assert.True(retried.GetProperty("replayed").GetBoolean());
        Assert.Equal("connect-retry-1", retried.GetProperty("turnId").GetString());
        Assert.Single(retried.GetProperty("toolCalls").EnumerateArray());
    }

    [Fact]
    public async Task Invoke_CustomHeadersAndPayloadFields_ReachTheInstructionsAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        host.Model.Then(call =>
        {
            Assert.Equal("Test agent on VOICE.", call.Options!.Instructions);
            return Responses.Text("ok");
        });

        var request = RuntimeTestHost.Invocation("""{"prompt":"hi","channel":"VOICE"}""");
        request.Headers.Add("X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tenant", "acme");
        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    internal static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
