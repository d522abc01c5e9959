using System.Text.Json;
using AgentHost.Abstractions.Tools;
using AgentHost.Gateway.Tests.Support;
using AgentHost.Gateway.Tools;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Tests.Peers;

/// <summary>
/// Interop with a server nobody here wrote: the MCP reference server <c>@modelcontextprotocol/server-everything</c> over
/// Streamable HTTP. Discovery, results of every content kind mapped to what the model sees, a long-running call with progress,
/// and server-to-client requests the host does not support.
/// </summary>
public sealed class ServerEverythingTests : IAsyncLifetime
{
    private EverythingServer _server = null!;
    private GatewayTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(EverythingServer.IsInstalled, "server-everything is not installed: run tests/setup/mcp-peer.sh (tests/run.sh does).");
        _server = await EverythingServer.StartAsync();
        _host = await StartHostAsync(configureClient: null);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    [Fact]
    public async Task Discovery_ServerEverything_ListsTheServersToolsUnderBedrockValidNamesWithTheirSchemasAsync()
    {
        var tools = _host.Provider.AllTools.Cast<AIFunction>().ToDictionary(t => t.Name);

        Assert.Contains("echo", tools.Keys);
        Assert.Contains("get-tiny-image", tools.Keys);
        Assert.Contains("trigger-long-running-operation", tools.Keys);
        Assert.DoesNotContain("trigger-sampling-request", tools.Keys); // the host declares no sampling capability
        Assert.All(tools.Keys, name => Assert.Matches("^[a-zA-Z0-9_-]{1,64}$", name));
        Assert.Equal("string", tools["echo"].JsonSchema.GetProperty("properties").GetProperty("message").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Discovery_ServerToolAnnotations_AreCarriedOntoTheToolsTheLoopSeesAsync()
    {
        var echo = await _host.ResolveAsync("echo");
        var longRunning = await _host.ResolveAsync("trigger-long-running-operation");

        Assert.True(echo.IsReadOnly());
        Assert.Equal(true, longRunning.AdditionalProperties[ToolAnnotationKeys.IdempotentHint]);
        Assert.Equal(false, longRunning.AdditionalProperties[ToolAnnotationKeys.OpenWorldHint]);
        Assert.False(longRunning.IsDestructive());
        Assert.Equal("Trigger Long Running Operation Tool", longRunning.AdditionalProperties[ToolAnnotationKeys.Title]);
    }

    [Fact]
    public async Task ToolCall_TextResult_ReachesTheModelAsTextAsync()
    {
        var result = await InvokeAsync("echo", new() { ["message"] = "hello from AgentHost" });

        Assert.Equal("Echo: hello from AgentHost", Assert.IsType<string>(result));
    }

    [Fact]
    public async Task ToolCall_ImageResult_ReachesTheModelAsTextAndImageDataAsync()
    {
        var result = Assert.IsType<List<AIContent>>(await InvokeAsync("get-tiny-image", []));

        var image = Assert.Single(result.OfType<DataContent>());
        Assert.Equal("image/png", image.MediaType);
        Assert.True(image.Data.Length > 8);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], image.Data.Span[..4].ToArray());
        Assert.Contains(result.OfType<TextContent>(), t => t.Text.Length > 0);
    }

    [Fact]
    public async Task ToolCall_EmbeddedResources_TextReachesTheModelAsTextAndBlobsAsDataAsync()
    {
        var text = await InvokeAsync("get-resource-reference", new() { ["resourceType"] = "Text", ["resourceId"] = 2 });
        var blob = await InvokeAsync("get-resource-reference", new() { ["resourceType"] = "Blob", ["resourceId"] = 2 });

        Assert.Contains("Resource 2", Assert.IsType<string>(text), StringComparison.Ordinal);
        var blobContents = Assert.IsType<List<AIContent>>(blob);
        Assert.Single(blobContents.OfType<DataContent>());
    }

    [Fact]
    public async Task ToolCall_StructuredContent_ReachesTheModelAsTheStructuredJsonAsync()
    {
        var result = await InvokeAsync("get-structured-content", new() { ["location"] = "Chicago" });

        var json = Assert.IsType<JsonElement>(result);
        Assert.Equal(JsonValueKind.Number, json.GetProperty("temperature").ValueKind);
        Assert.Equal(JsonValueKind.String, json.GetProperty("conditions").ValueKind);
    }

    [Fact]
    public async Task ToolCall_LongRunningOperation_ReportsEveryProgressStepThenAnswersAsync()
    {
        var reports = new List<ToolProgress>();
        var progress = new SynchronousProgress(reports);
        var function = await _host.ResolveAsync("trigger-long-running-operation");

        var result = await function.InvokeAsync(
            GatewayTestHost.Arguments(GatewayTestHost.Invocation(), new Dictionary<string, object?> { ["duration"] = 0.6, ["steps"] = 3 }, progress),
            TestContext.Current.CancellationToken);

        // Every step reports before the answer; the last report races with the answer itself (the SDK dispatches notifications
        // apart from replies), and a report after the answer is of no use to anybody: at least the steps before the last arrive.
        Assert.Contains("Long running operation completed", Assert.IsType<string>(result), StringComparison.Ordinal);
        lock (reports)
        {
            Assert.InRange(reports.Count, 2, 3);
            Assert.Equal(new[] { 1d, 2d, 3d }.Take(reports.Count), reports.Select(r => r.Progress));
            Assert.All(reports, r => Assert.Equal(3d, r.Total));
        }
    }

    [Fact]
    public async Task ToolCall_ServerToClientRequests_AreAnsweredNotSupportedWithoutBreakingTheSessionAsync()
    {
        // Declare the capabilities (and nothing to serve them) so that the server offers the tools that send those requests.
        // Sampling and roots are deprecated as of 2026-07-28 (SEP-2577); server-everything still uses them on 2025-11-25.
#pragma warning disable MCP9005
        await using var host = await StartHostAsync(o => o.Capabilities = new ClientCapabilities { Sampling = new(), Elicitation = new(), Roots = new() });
#pragma warning restore MCP9005
        await host.WaitForToolsAsync(1, () => { });
        await Poll.UntilAsync(() => host.Provider.AllTools.Any(t => t.Name == "trigger-sampling-request"), "the capability-dependent tools");

        foreach (var (tool, method) in new[] { ("trigger-sampling-request", "sampling/createMessage"), ("trigger-elicitation-request", "elicitation/create") })
        {
            var function = await host.ResolveAsync(tool);
            var arguments = tool == "trigger-sampling-request" ? new Dictionary<string, object?> { ["prompt"] = "Summarise", ["maxTokens"] = 20 } : [];
            object? answered = null;
            GatewayToolException? error = null;
            try
            {
                answered = await function.InvokeAsync(GatewayTestHost.Arguments(GatewayTestHost.Invocation(), arguments), TestContext.Current.CancellationToken);
            }
            catch (GatewayToolException ex)
            {
                error = ex;
            }

            Assert.True(error is not null, $"{tool} answered without an error: {answered}");
            Assert.Equal(GatewayToolErrorKind.ToolError, error.Kind);
            Assert.Contains(method, error.Message, StringComparison.Ordinal);
            Assert.Contains("not available", error.Message, StringComparison.Ordinal);
        }

        // The server asked for the roots once the session opened (roots/list): the error it got leaves it without roots.
        var roots = await (await host.ResolveAsync("get-roots-list")).InvokeAsync(
            GatewayTestHost.Arguments(GatewayTestHost.Invocation(), new Dictionary<string, object?>()), TestContext.Current.CancellationToken);
        Assert.Contains("no roots are currently configured", Assert.IsType<string>(roots), StringComparison.Ordinal);

        var echo = await (await host.ResolveAsync("echo")).InvokeAsync(
            GatewayTestHost.Arguments(GatewayTestHost.Invocation(), new Dictionary<string, object?> { ["message"] = "still here" }), TestContext.Current.CancellationToken);
        Assert.Equal("Echo: still here", echo);
    }

    private async Task<GatewayTestHost> StartHostAsync(Action<ModelContextProtocol.Client.McpClientOptions>? configureClient)
    {
        var host = await GatewayTestHost.StartAsync(o =>
        {
            o.Gateways.Add(GatewayTestHost.Gateway("everything", _server.Url));
            o.SelectionThreshold = 100;
            o.ConfigureClient = configureClient;
        });
        await host.WaitForToolsAsync(10);
        return host;
    }

    private async Task<object?> InvokeAsync(string tool, Dictionary<string, object?> arguments) =>
        await (await _host.ResolveAsync(tool)).InvokeAsync(GatewayTestHost.Arguments(GatewayTestHost.Invocation(), arguments), TestContext.Current.CancellationToken);

    /// <summary>Records reports on the reporting thread (no synchronisation context hop, unlike <see cref="Progress{T}"/>).</summary>
    private sealed class SynchronousProgress(List<ToolProgress> reports) : IProgress<ToolProgress>
    {
        public void Report(ToolProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
