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
    public async Task Invoke_StreamRequested_SendsMessageEventsThenDoneAsync(string body, string accept)
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
    public async Task Invoke_ToolReportsProgressAndReadsTheWorkloadToken_StreamsToolProgressEventsAsync()
    {
        string? workloadToken = null;
        var tool = TestTools.Create("export_statements", (args, _) =>
        {
            workloadToken = AgentHost.Abstractions.Tools.ToolInvocation.GetInvocation(args)?.WorkloadAccessToken?.Value;
            var progress = AgentHost.Abstractions.Tools.ToolInvocation.GetProgress(args);
            progress?.Report(new AgentHost.Abstractions.Tools.ToolProgress(1, 3, "January"));
            progress?.Report(new AgentHost.Abstractions.Tools.ToolProgress(3, 3));
            return new ValueTask<object?>("exported");
        });
        await using var host = await RuntimeTestHost.StartAsync([tool]);
        host.Model.ThenToolCalls(Responses.Call("c1", "export_statements")).ThenText("Done.");
        using var request = RuntimeTestHost.Invocation("""{"prompt":"Export my statements"}""", accept: "text/event-stream");
        request.Headers.Add("X-Amz-Bedrock-AgentCore-Identity-WAT", "workload-token-1");

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        var events = ParseSse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(
            ["tool_call", "tool_progress", "tool_progress", "tool_call"],
            events.Where(e => e.Event.StartsWith("tool_", StringComparison.Ordinal)).Select(e => e.Event));
        var first = events.First(e => e.Event == "tool_progress").Data;
        Assert.Equal(("c1", "export_statements", 1d, 3d, "January"), (first.GetProperty("toolUseId").GetString(), first.GetProperty("name").GetString(),
            first.GetProperty("progress").GetDouble(), first.GetProperty("total").GetDouble(), first.GetProperty("message").GetString()));
        Assert.Equal("workload-token-1", workloadToken);
    }

    [Fact]
    public async Task Invoke_OlderWorkloadTokenHeader_ReachesTheToolsAsync()
    {
        string? workloadToken = null;
        var tool = TestTools.Create("whoami", (args, _) =>
        {
            workloadToken = AgentHost.Abstractions.Tools.ToolInvocation.GetInvocation(args)?.WorkloadAccessToken?.Value;
            return new ValueTask<object?>("ok");
        });
        await using var host = await RuntimeTestHost.StartAsync([tool]);
        host.Model.ThenToolCalls(Responses.Call("c1", "whoami")).ThenText("Done.");
        using var request = RuntimeTestHost.Invocation("""{"prompt":"who"}""");
        request.Headers.Add("WorkloadAccessToken", "legacy-token");

        using var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("legacy-token", workloadToken);
    }

    [Fact]
    public async Task Invoke_ModelFailsWhileStreaming_EndsWithAnErrorEventAsync()
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
