using System.Net;
using AgentHost.AgentCore.Client.Tests.Support;
using AgentHost.AgentCore.Contracts;

namespace AgentHost.AgentCore.Client.Tests.Invoke;

public sealed class InvokeJsonTests
{
    [Fact]
    public async Task InvokeAsync_RuntimeArn_SendsASignedInvokeAgentRuntimeRequestAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAnswer("Your balance is 42.");
        var clients = new Clients();
        using var client = clients.Create(server.ArnTarget());

        var response = await client.InvokeAsync(Clients.Request("What is my balance?"), TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Null(request.SignatureProblem);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/runtimes/arn%3Aaws%3Abedrock-agentcore%3Aus-east-1%3A123456789012%3Aruntime%2Fconnect_agent-AbCdEf1234/invocations?qualifier=DEFAULT", request.RawTarget);
        Assert.Equal(FakeDataPlane.SessionId, request.Headers["x-amzn-bedrock-agentcore-runtime-session-id"]);
        Assert.Equal("application/json", request.Headers["accept"]);
        Assert.StartsWith("application/json", request.Headers["content-type"], StringComparison.Ordinal);
        Assert.Equal("What is my balance?", request.Body!["prompt"]!.GetValue<string>());
        Assert.Equal(FakeDataPlane.SessionId, request.Body["sessionId"]!.GetValue<string>());
        Assert.Equal("VOICE", request.Body["channel"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(request.TurnId));
        Assert.Equal("Your balance is 42.", response.Text);
        Assert.Equal(request.TurnId, response.TurnId);
        Assert.Equal(InvocationStopReasons.EndTurn, response.StopReason);
        Assert.Equal(7, response.Usage.TotalTokens);
    }

    [Fact]
    public async Task InvokeAsync_CallerTurnId_IsSentAsGivenAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAnswer();
        using var client = new Clients().Create(server.ArnTarget());

        var response = await client.InvokeAsync(Clients.Request(turnId: "contact-1-turn-3"), TestContext.Current.CancellationToken);

        Assert.Equal("contact-1-turn-3", Assert.Single(server.Requests).TurnId);
        Assert.Equal("contact-1-turn-3", response.TurnId);
    }

    [Fact]
    public async Task InvokeAsync_Deadline_SendsTheRemainingTimeLessTheReserveAsTimeoutMsAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAnswer();
        var clients = new Clients();
        using var client = clients.Create(server.ArnTarget(), new AgentRuntimeClientOptions { DeadlineReserve = TimeSpan.FromMilliseconds(500) });

        await client.InvokeAsync(Clients.Request(deadline: clients.Time.GetUtcNow().AddSeconds(8)), TestContext.Current.CancellationToken);

        Assert.Equal(7500, Assert.Single(server.Requests).Body!["timeoutMs"]!.GetValue<long>());
    }

    [Fact]
    public async Task InvokeAsync_NoDeadline_SendsNoTimeoutMsAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAnswer();
        using var client = new Clients().Create(server.ArnTarget());

        await client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken);

        Assert.Null(Assert.Single(server.Requests).Body!["timeoutMs"]);
    }

    [Fact]
    public async Task InvokeAsync_UserIdAndTraceParent_AreSentAsHeadersAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAnswer();
        using var client = new Clients().Create(server.ArnTarget());
        var request = new AgentRuntimeRequest
        {
            SessionId = FakeDataPlane.SessionId,
            Prompt = "Hi",
            UserId = "user-7",
            TraceParent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            Attributes = new Dictionary<string, string> { ["tier"] = "gold" },
        };

        await client.InvokeAsync(request, TestContext.Current.CancellationToken);

        var received = Assert.Single(server.Requests);
        Assert.Null(received.SignatureProblem);
        Assert.Equal("user-7", received.Headers["x-amzn-bedrock-agentcore-runtime-user-id"]);
        Assert.Equal("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", received.Headers["traceparent"]);
        Assert.Equal("gold", received.Body!["attributes"]!["tier"]!.GetValue<string>());
    }

    [Fact]
    public async Task InvokeAsync_LocalUrl_PostsUnsignedToInvocationsAsync()
    {
        await using var server = await FakeDataPlane.StartAsync(requireSignature: false);
        server.EnqueueAnswer();
        using var client = new Clients().Create(AgentRuntimeTarget.ForUrl(server.BaseUri));

        var response = await client.InvokeAsync(Clients.Request(sessionId: "short"), TestContext.Current.CancellationToken);

        var request = Assert.Single(server.Requests);
        Assert.Equal("/invocations", request.RawTarget);
        Assert.False(request.Headers.ContainsKey("authorization"));
        Assert.Equal("short", request.Headers["x-amzn-bedrock-agentcore-runtime-session-id"]);
        Assert.Equal("short", response.SessionId);
    }

    [Theory]
    [InlineData("too-short-session-id")]
    [InlineData("")]
    public async Task InvokeAsync_RuntimeArnWithASessionIdAgentCoreRejects_ThrowsBeforeSendingAsync(string sessionId)
    {
        await using var server = await FakeDataPlane.StartAsync();
        using var client = new Clients().Create(server.ArnTarget());

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.InvokeAsync(Clients.Request(sessionId: sessionId), TestContext.Current.CancellationToken));

        Assert.Empty(server.Requests);
        Assert.Equal("request", error.ParamName);
    }

    [Fact]
    public async Task InvokeAsync_SessionIdOver256Characters_ThrowsBeforeSendingAsync()
    {
        await using var server = await FakeDataPlane.StartAsync(requireSignature: false);
        using var client = new Clients().Create(AgentRuntimeTarget.ForUrl(server.BaseUri));

        await Assert.ThrowsAsync<ArgumentException>(() => client.InvokeAsync(Clients.Request(sessionId: new string('s', 257)), TestContext.Current.CancellationToken));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_SuccessWithABodyThatIsNotAnInvocationResponse_ThrowsInvalidResponseWithoutRetryAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueJson(200, """{"result":"some other agent's shape"}""");
        using var client = new Clients().Create(server.ArnTarget());

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(AgentRuntimeErrorKind.InvalidResponse, error.Kind);
        Assert.False(error.IsRetryable);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_HostThatStreamsAnyway_ReturnsTheDoneSummaryAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueSse(("message", """{"text":"Hel"}"""), ("message", """{"text":"lo."}"""), ("done", """{"sessionId":"s","turnId":"t","text":"Hello.","stopReason":"endTurn","toolCalls":[],"usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2},"cycles":1}"""));
        using var client = new Clients().Create(server.ArnTarget());

        var response = await client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken);

        Assert.Equal("Hello.", response.Text);
    }

    [Fact]
    public async Task InvokeAsync_WrongCredentials_FailsWithAccessDeniedFromTheSignatureCheckAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        using var client = new AgentRuntimeClient(
            server.ArnTarget(),
            credentials: new AgentHost.Aws.Credentials.StaticAwsCredentialsProvider(new("AKIDFAKEAGENTCORE", "not-the-secret", "fake-agentcore-session-token")));

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(AgentRuntimeErrorKind.AccessDenied, error.Kind);
        Assert.Equal("InvalidSignatureException", error.ErrorType);
        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Single(server.Requests);
    }
}
