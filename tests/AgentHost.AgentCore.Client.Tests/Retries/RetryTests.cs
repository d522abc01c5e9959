using AgentHost.AgentCore.Client.Tests.Support;

namespace AgentHost.AgentCore.Client.Tests.Retries;

public sealed class RetryTests
{
    [Theory]
    [InlineData(503, "ServiceUnavailableException")]
    [InlineData(429, "ThrottlingException")]
    [InlineData(500, "InternalServerException")]
    [InlineData(409, "RetryableConflictException")]
    public async Task InvokeAsync_RetryableFailureThenSuccess_RetriesWithTheSameTurnIdAsync(int status, string errorType)
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAwsError(status, errorType);
        server.EnqueueAnswer("Recovered.");
        var clients = new Clients();
        using var client = clients.Create(server.ArnTarget());

        var response = await client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken);

        Assert.Equal("Recovered.", response.Text);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Null(r.SignatureProblem));
        Assert.False(string.IsNullOrEmpty(server.Requests[0].TurnId));
        Assert.Equal(server.Requests[0].TurnId, server.Requests[1].TurnId);
        Assert.Equal(response.TurnId, server.Requests[0].TurnId);
        Assert.Equal([TimeSpan.FromMilliseconds(200)], clients.Delays);
    }

    [Fact]
    public async Task InvokeAsync_Validation_IsNotRetriedAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAwsError(400, "ValidationException");
        server.EnqueueAnswer();
        var clients = new Clients();
        using var client = clients.Create(server.ArnTarget());

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(AgentRuntimeErrorKind.Validation, error.Kind);
        Assert.Single(server.Requests);
        Assert.Empty(clients.Delays);
    }

    [Fact]
    public async Task InvokeAsync_AlwaysUnavailable_StopsAfterMaxRetriesWithGrowingDelaysAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            server.EnqueueAwsError(503, "ServiceUnavailableException");
        }

        var clients = new Clients();
        using var client = clients.Create(server.ArnTarget(), new AgentRuntimeClientOptions { MaxRetries = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(AgentRuntimeErrorKind.ServiceUnavailable, error.Kind);
        Assert.Equal(4, error.Attempts);
        Assert.Equal(4, server.Requests.Count);
        Assert.Single(server.Requests.Select(r => r.TurnId).Distinct());
        Assert.Equal([TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300)], clients.Delays);
    }

    [Fact]
    public async Task InvokeAsync_Jitter_WaitsBetweenHalfAndAllOfTheCapAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAwsError(429, "ThrottlingException");
        server.EnqueueAnswer();
        var clients = new Clients { Jitter = 0.0 };
        using var client = clients.Create(server.ArnTarget(), new AgentRuntimeClientOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(400) });

        await client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken);

        Assert.Equal([TimeSpan.FromMilliseconds(200)], clients.Delays);
    }

    [Fact]
    public async Task InvokeAsync_ConnectionFailure_IsRetriedWithTheSameTurnIdAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAnswer();
        var clients = new Clients();
        var transport = new FailingFirstHandler(failures: 1);
        using var client = clients.Create(server.ArnTarget(), transport: transport);

        var response = await client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(2, transport.Sends);
        Assert.Single(server.Requests);
        Assert.Equal(transport.FirstTurnId, server.Requests[0].TurnId);
        Assert.Equal(response.TurnId, transport.FirstTurnId);
    }

    [Fact]
    public async Task InvokeAsync_ConnectionAlwaysFails_ThrowsConnectionAfterTheRetriesAsync()
    {
        var clients = new Clients();
        using var client = clients.Create(AgentRuntimeTarget.ForUrl(new Uri("http://127.0.0.1:9/")), new AgentRuntimeClientOptions { MaxRetries = 2 }, new FailingFirstHandler(failures: int.MaxValue));

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(AgentRuntimeErrorKind.Connection, error.Kind);
        Assert.True(error.IsRetryable);
        Assert.Equal(3, error.Attempts);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    /// <summary>Fails the first sends as an unreachable host would, then passes requests to a real socket handler.</summary>
    private sealed class FailingFirstHandler(int failures) : DelegatingHandler(new SocketsHttpHandler())
    {
        public int Sends { get; private set; }

        public string? FirstTurnId { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Sends++;
            if (Sends <= failures)
            {
                var body = await request.Content!.ReadAsStringAsync(cancellationToken);
                FirstTurnId ??= System.Text.Json.Nodes.JsonNode.Parse(body)!["turnId"]!.GetValue<string>();
                throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", statusCode: null);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
