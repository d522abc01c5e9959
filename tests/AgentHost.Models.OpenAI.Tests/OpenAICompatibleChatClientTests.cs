using System.Net;
using System.Net.Sockets;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Models;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Agents;
using AgentHost.Models.OpenAI.Tests.Support;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.OpenAI.Tests;

public sealed class OpenAICompatibleChatClientTests
{
    [Fact]
    public async Task GetResponseAsync_TextAnswer_SendsTheModelInstructionsAndKeyAndReturnsTextAndUsageAsync()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.EnqueueJson(200, Completions.Text("Hello from the local model.", 11, 4));
        using var client = Create(server, o => o.ApiKey = "sk-local-123");

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")], new ChatOptions { Instructions = "Be brief." }, TestContext.Current.CancellationToken);

        Assert.Equal("Hello from the local model.", response.Text);
        Assert.Equal(11, response.Usage?.InputTokenCount);
        Assert.Equal(4, response.Usage?.OutputTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-local-123", request.Authorization);
        Assert.Equal("llama3.1", request.Body!["model"]!.GetValue<string>());
        var messages = request.Body["messages"]!.AsArray();
        Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
        Assert.Contains("Be brief.", messages[0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("user", messages[1]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamedText_ArrivesInPiecesWithUsageAsync()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.EnqueueStream(Completions.StreamedText("The portfolio holds three funds."));
        using var client = Create(server);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("What is in it?", cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.True(updates.Count(u => u.Text.Length > 0) > 1);
        Assert.Equal("The portfolio holds three funds.", response.Text.Trim());
        Assert.Equal(13, response.Usage?.InputTokenCount);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.True(Assert.Single(server.Requests).Body!["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GetResponseAsync_ToolCall_SendsTheToolsSchemaAndReturnsTheCallWithParsedArgumentsAsync()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.EnqueueJson(200, Completions.ToolCall("call_1", "get_portfolio", """{"investorId":"LP-001"}"""));
        using var client = Create(server);
        var tool = AIFunctionFactory.CreateDeclaration("get_portfolio", "Returns an investor's portfolio.", System.Text.Json.JsonDocument.Parse("""{"type":"object","properties":{"investorId":{"type":"string"}},"required":["investorId"]}""").RootElement);

        var response = await client.GetResponseAsync("Portfolio of LP-001?", new ChatOptions { Tools = [tool], ToolMode = ChatToolMode.Auto }, TestContext.Current.CancellationToken);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("call_1", "get_portfolio", "LP-001"), (call.CallId, call.Name, call.Arguments!["investorId"]?.ToString()));
        var sent = Assert.Single(server.Requests).Body!["tools"]!.AsArray();
        Assert.Equal("get_portfolio", sent[0]!["function"]!["name"]!.GetValue<string>());
        Assert.Equal("investorId", sent[0]!["function"]!["parameters"]!["required"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task AgentLoop_ToolUsingTurnStreamed_CallsTheToolAndSendsItsResultBackAsToolMessageAsync()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.EnqueueStream(Completions.StreamedToolCall("call_7", "get_portfolio", "{\"investor", "Id\":\"LP-0", "01\"}"));
        server.EnqueueStream(Completions.StreamedText("LP-001 holds three funds."));
        using var client = Create(server);
        string? received = null;
        var tools = new StaticToolProvider([TestTools.Create("get_portfolio", (args, _) =>
        {
            received = args["investorId"]?.ToString();
            return new ValueTask<object?>("""{"funds":3}""");
        })]);
        var loop = new AgentLoop(client, tools, new AgentOptions());

        var result = await loop.RunAsync(new AgentTurnRequest { UserMessage = new ChatMessage(ChatRole.User, "Portfolio of LP-001?"), Context = new InvocationContext { SessionId = "s", TurnId = "t" } }, TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
        Assert.Equal("LP-001", received);
        Assert.Equal("LP-001 holds three funds.", result.Outcome.Text.Trim());
        Assert.Equal(13 + 21, result.Outcome.Usage.InputTokens);
        var second = server.Requests[1].Body!["messages"]!.AsArray();
        var toolMessage = second.Single(m => m!["role"]!.GetValue<string>() == "tool")!;
        Assert.Equal("call_7", toolMessage["tool_call_id"]!.GetValue<string>());
        Assert.Contains("funds", toolMessage["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_ModelCannotCallTools_FailsWithAClearConfigurationErrorAsync()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.EnqueueJson(400, Completions.Error("registry.ollama.ai/library/gemma:2b does not support tools"));
        using var client = Create(server, o => o.Model = "gemma:2b");
        var tool = AIFunctionFactory.CreateDeclaration("lookup", "Looks up.", System.Text.Json.JsonDocument.Parse("""{"type":"object","properties":{}}""").RootElement);

        var error = await Assert.ThrowsAsync<ModelProviderException>(() => client.GetResponseAsync("hi", new ChatOptions { Tools = [tool] }, TestContext.Current.CancellationToken));

        Assert.True(error.IsConfigurationError);
        Assert.Contains("cannot call tools", error.Message, StringComparison.Ordinal);
        Assert.Contains("AGENTHOST_OPENAI_MODEL", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(401, "rejected the API key")]
    [InlineData(404, "model is unknown")]
    public async Task GetResponseAsync_ConfigurationRejected_SaysWhatToChangeAsync(int status, string expected)
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.EnqueueJson(status, Completions.Error("nope"));
        using var client = Create(server);

        var error = await Assert.ThrowsAsync<ModelProviderException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(status, error.StatusCode);
        Assert.True(error.IsConfigurationError);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetResponseAsync_ServerError_IsRetriedThenReportedAsync()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.EnqueueJson(500, Completions.Error("out of memory", "server_error"));
        server.EnqueueJson(500, Completions.Error("out of memory", "server_error"));
        using var client = Create(server, o => o.MaxRetries = 1);

        var error = await Assert.ThrowsAsync<ModelProviderException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task GetResponseAsync_ContextTooLong_IsAContextOverflowTheLoopCanTrimAsync()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.EnqueueJson(400, Completions.Error("This model's maximum context length is 8192 tokens. However, you requested 9000 tokens."));
        using var client = Create(server);

        await Assert.ThrowsAsync<ModelContextOverflowException>(() => client.GetResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetStreamingResponseAsync_NothingListens_FailsFastSayingTheEndpointIsUnreachableAsync()
    {
        var port = FreePort();
        using var client = OpenAICompatibleChatClientFactory.Create(new OpenAICompatibleOptions { BaseUrl = new Uri($"http://127.0.0.1:{port}/v1"), Model = "llama3.1", MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<ModelProviderException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync("hi", cancellationToken: TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.True(error.IsConfigurationError);
        Assert.Contains("Cannot reach", error.Message, StringComparison.Ordinal);
        Assert.Contains("AGENTHOST_OPENAI_BASE_URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetService_Metadata_ReportsTheProviderUrlAndModel()
    {
        using var client = OpenAICompatibleChatClientFactory.Create(new OpenAICompatibleOptions { BaseUrl = new Uri("http://127.0.0.1:11434/v1"), Model = "qwen2.5" });

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.Equal(("openai", "qwen2.5"), (metadata?.ProviderName, metadata?.DefaultModelId));
    }

    private static IChatClient Create(FakeOpenAIServer server, Action<OpenAICompatibleOptions>? configure = null)
    {
        var options = new OpenAICompatibleOptions { BaseUrl = server.BaseUrl, Model = "llama3.1", MaxRetries = 0 };
        configure?.Invoke(options);
        return OpenAICompatibleChatClientFactory.Create(options);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
