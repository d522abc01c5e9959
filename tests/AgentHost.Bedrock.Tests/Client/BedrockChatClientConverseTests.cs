using AgentHost.Testing;
using System.Text.Json;
using AgentHost.Abstractions.Models;
using AgentHost.Bedrock.Errors;
using AgentHost.Bedrock.Mapping;
using AgentHost.Bedrock.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Tests.Client;

public sealed class BedrockChatClientConverseTests
{
    private const string TextResponse = """{"output":{"message":{"role":"assistant","content":[{"text":"Hello there."}]}},"stopReason":"end_turn","usage":{"inputTokens":12,"outputTokens":3,"totalTokens":15,"cacheReadInputTokens":100,"cacheWriteInputTokens":7},"metrics":{"latencyMs":42}}""";

    [Fact]
    public async Task GetResponseAsync_TextAnswer_SendsASignedConverseRequestToTheEncodedModelPathAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueJson(200, TextResponse);
        using var client = ClientFactory.Create(server);

        await client.GetResponseAsync([new(ChatRole.System, "Be brief."), new(ChatRole.User, "Hi")], new ChatOptions { MaxOutputTokens = 256 }, TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.True(request.SignatureValid, request.SignatureProblem);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/model/us.anthropic.claude-3-5-haiku-20241022-v1%3A0/converse", request.RawTarget);
        Assert.Equal("application/json", request.Headers["accept"]);
        Assert.Equal("Be brief.", request.Body!["system"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("user", request.Body["messages"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("Hi", request.Body["messages"]![0]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(256, request.Body["inferenceConfig"]!["maxTokens"]!.GetValue<int>());
        Assert.Null(request.Body["toolConfig"]);
    }

    [Fact]
    public async Task GetResponseAsync_TextAnswer_ReturnsTextStopReasonAndUsageWithCacheCountsAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueJson(200, TextResponse);
        using var client = ClientFactory.Create(server);

        var response = await client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Hello there.", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal("end_turn", response.AdditionalProperties![BedrockStopReasons.AdditionalPropertyKey]);
        Assert.Equal(12, response.Usage!.InputTokenCount);
        Assert.Equal(3, response.Usage.OutputTokenCount);
        Assert.Equal(15, response.Usage.TotalTokenCount);
        Assert.Equal(100, response.Usage.AdditionalCounts!["CacheReadInputTokens"]);
        Assert.Equal(7, response.Usage.AdditionalCounts["CacheWriteInputTokens"]);
        Assert.Equal(ClientFactory.ModelId, response.ModelId);
    }

    [Fact]
    public async Task GetResponseAsync_ToolUseFixture_ReturnsTextAndAFunctionCallWithParsedArgumentsAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueJson(200, File.ReadAllText(RepositoryPaths.Fixture("bedrock", "json", "converse-response-tool-use.json")));
        using var client = ClientFactory.Create(server);

        var response = await client.GetResponseAsync("Where is my order A-1001?", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        var contents = Assert.Single(response.Messages).Contents;
        Assert.Equal("Let me check that order.", Assert.IsType<TextContent>(contents[0]).Text);
        var call = Assert.IsType<FunctionCallContent>(contents[1]);
        Assert.Equal("tooluse_Xy12AbCdEfGh", call.CallId);
        Assert.Equal("get_order_status", call.Name);
        Assert.Equal("A-1001", ((JsonElement)call.Arguments!["order_id"]!).GetString());
        Assert.Equal(470, response.Usage!.TotalTokenCount);
    }

    [Fact]
    public async Task GetResponseAsync_429ThenSuccess_RetriesAndReturnsTheAnswerAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueError(429, "ThrottlingException", "Too many requests, please wait before trying again.");
        server.EnqueueJson(200, TextResponse);
        using var client = ClientFactory.Create(server);

        var response = await client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Hello there.", response.Text);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.True(r.SignatureValid, r.SignatureProblem));
        Assert.Equal(server.Requests[0].Body!.ToJsonString(), server.Requests[1].Body!.ToJsonString());
    }

    [Fact]
    public async Task GetResponseAsync_ServiceUnavailableEveryTime_GivesUpAfterMaxRetriesAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            server.EnqueueError(503, "ServiceUnavailableException", "Service unavailable.");
        }

        using var client = ClientFactory.Create(server, o => o.MaxRetries = 2);

        var ex = await Assert.ThrowsAsync<BedrockException>(() => client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("ServiceUnavailableException", ex.ErrorType);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ex.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task GetResponseAsync_400Validation_ThrowsValidationExceptionWithBedrocksMessageWithoutRetryAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueError(400, "ValidationException", "The model returned the following errors: messages.0.content: must not be empty");
        using var client = ClientFactory.Create(server);

        var ex = await Assert.ThrowsAsync<BedrockValidationException>(() => client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("The model returned the following errors: messages.0.content: must not be empty", ex.Message);
        Assert.Equal("ValidationException", ex.ErrorType);
        Assert.Equal("req-400", ex.RequestId);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetResponseAsync_403AccessDenied_ThrowsAccessDeniedWithBedrocksMessageWithoutRetryAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueError(403, "AccessDeniedException", "You don't have access to the model with the specified model ID.");
        using var client = ClientFactory.Create(server);

        var ex = await Assert.ThrowsAsync<BedrockAccessDeniedException>(() => client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("You don't have access to the model with the specified model ID.", ex.Message);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, ex.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetResponseAsync_DailyTokenQuotaThrottling_IsNotRetriedAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueError(429, "ThrottlingException", "Too many tokens per day, please wait before trying again.");
        server.EnqueueJson(200, TextResponse);
        using var client = ClientFactory.Create(server);

        var ex = await Assert.ThrowsAsync<BedrockThrottlingException>(() => client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.True(ex.IsDailyQuota);
        Assert.False(ex.IsRetryable);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetResponseAsync_InputTooLongValidation_ThrowsModelContextOverflowExceptionAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueError(400, "ValidationException", "Input is too long for requested model.");
        using var client = ClientFactory.Create(server);

        var ex = await Assert.ThrowsAsync<BedrockContextWindowExceededException>(() => client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.IsAssignableFrom<ModelContextOverflowException>(ex);
        Assert.Equal("Input is too long for requested model.", ex.Message);
        Assert.IsType<BedrockValidationException>(ex.InnerException);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetResponseAsync_ContextWindowExceededStopReason_ThrowsModelContextOverflowExceptionAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueJson(200, """{"output":{"message":{"role":"assistant","content":[]}},"stopReason":"model_context_window_exceeded","usage":{"inputTokens":1,"outputTokens":0,"totalTokens":1}}""");
        using var client = ClientFactory.Create(server);

        await Assert.ThrowsAsync<BedrockContextWindowExceededException>(() => client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetResponseAsync_CancelledDuringBackoff_ThrowsOperationCanceledAndStopsRetryingAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueError(429, "ThrottlingException", "Too many requests, please wait before trying again.");
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        server.OnRequest = _ => cts.Cancel();
        using var client = ClientFactory.Create(server, o =>
        {
            o.RetryBaseDelay = TimeSpan.FromHours(1);
            o.MaxRetryDelay = TimeSpan.FromHours(1);
            o.MaxRetryDuration = TimeSpan.FromHours(10);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync("Hi", cancellationToken: cts.Token));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetResponseAsync_RetryWouldExceedMaxRetryDuration_ThrowsTheThrottlingErrorAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueError(429, "ThrottlingException", "Too many requests, please wait before trying again.");
        using var client = ClientFactory.Create(server, o =>
        {
            o.RetryBaseDelay = TimeSpan.FromHours(1);
            o.MaxRetryDelay = TimeSpan.FromHours(1);
            o.MaxRetryDuration = TimeSpan.FromMinutes(1);
        });

        var ex = await Assert.ThrowsAsync<BedrockThrottlingException>(() => client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.False(ex.IsDailyQuota);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task GetResponseAsync_WrongSecretKey_IsRejectedByTheFakeServersSignatureCheckAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        server.EnqueueJson(200, TextResponse);
        var options = new BedrockChatClientOptions { ModelId = ClientFactory.ModelId, Region = FakeBedrockServer.Region, Endpoint = server.BaseUri };
        var wrong = new AgentHost.Aws.Credentials.AwsCredentials(FakeBedrockServer.Credentials.AccessKeyId, "not-the-secret", FakeBedrockServer.Credentials.SessionToken);
        using var client = new BedrockChatClient(options, new AgentHost.Aws.Credentials.StaticAwsCredentialsProvider(wrong));

        var ex = await Assert.ThrowsAsync<BedrockAccessDeniedException>(() => client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("InvalidSignatureException", ex.ErrorType);
        Assert.False(Assert.Single(server.Requests).SignatureValid);
    }

    [Fact]
    public async Task GetService_ChatClientMetadata_ReportsProviderEndpointAndModelAsync()
    {
        await using var server = await FakeBedrockServer.StartAsync();
        using var client = ClientFactory.Create(server);

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.Equal("aws.bedrock", metadata!.ProviderName);
        Assert.Equal(server.BaseUri, metadata.ProviderUri);
        Assert.Equal(ClientFactory.ModelId, metadata.DefaultModelId);
    }
}
