using System.Net;
using System.Text.Json;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;

namespace AgentHost.AgentCore.Runtime.Tests;

public sealed class StreamingTests
{
    [Theory]
    [InlineData("""{"prompt":"What tier is C-1042?"}""", "text/event-stream")]
    [InlineData("""{"prompt":"What tier is C-1042?","stream":true}""", "application/json")]
    public async Task Invoke_StreamRequested_SendsMessageEventsThenDone(string body, string accept)
    {
        var tool = TestTools.Create("get_customer_profile", (_, _) => new ValueTask<object?>("gold"));
        await using var host = await RuntimeTestHost.StartAsync([tool]);
        host.Model.ThenToolCalls(Responses.Call("c1", "get_customer_profile", ("customerId", "C-1042"))).ThenText("Customer C-1042 is gold.");

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation(body, accept: accept), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = ParseSse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var text = string.Concat(events.Where(e => e.Event == "message").Select(e => e.Data.GetProperty("text").GetString()));
        Assert.Equal("Customer C-1042 is gold.", text);
        Assert.Equal(["started", "finished"], events.Where(e => e.Event == "tool_call").Select(e => e.Data.GetProperty("phase").GetString()));
        var done = events[^1];
        Assert.Equal("done", done.Event);
        Assert.Equal(text, done.Data.GetProperty("text").GetString());
        Assert.Equal("endTurn", done.Data.GetProperty("stopReason").GetString());
        Assert.Equal("success", Assert.Single(done.Data.GetProperty("toolCalls").EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Invoke_ModelFailsWhileStreaming_EndsWithAnErrorEvent()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        host.Model.ThenThrow(new InvalidOperationException("model unavailable"));

        using var response = await host.Client.SendAsync(RuntimeTestHost.Invocation("""{"prompt":"hi"}""", accept: "text/event-stream"), TestContext.Current.CancellationToken);

        var events = ParseSse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var error = events[^1];
        Assert.Equal("error", error.Event);
        Assert.Equal("model unavailable", error.Data.GetProperty("error").GetString());
        Assert.Equal(nameof(InvalidOperationException), error.Data.GetProperty("error_type").GetString());
        Assert.Equal("An error occurred during streaming", error.Data.GetProperty("message").GetString());
    }

    internal static List<(string Event, JsonElement Data)> ParseSse(string raw)
    {
        var events = new List<(string, JsonElement)>();
        foreach (var block in raw.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var name = "message";
            var data = new List<string>();
            foreach (var line in block.Split('\n'))
            {
                if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    name = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data.Add(line[5..].TrimStart());
                }
            }

            events.Add((name, JsonDocument.Parse(string.Join('\n', data)).RootElement.Clone()));
        }

        return events;
    }
}
