using System.Net;
using AgentHost.AgentCore.Client.Tests.Support;

namespace AgentHost.AgentCore.Client.Tests.Errors;

/// <summary>Each InvokeAgentRuntime error of the service model (npm @aws-sdk/client-bedrock-agentcore), and the host's own error bodies.</summary>
public sealed class ErrorMappingTests
{
    private static readonly AgentRuntimeClientOptions NoRetries = new() { MaxRetries = 0 };

    [Theory]
    [InlineData(400, "ValidationException", AgentRuntimeErrorKind.Validation, false)]
    [InlineData(401, "UnauthorizedException", AgentRuntimeErrorKind.AccessDenied, false)]
    [InlineData(402, "ServiceQuotaExceededException", AgentRuntimeErrorKind.ServiceQuotaExceeded, false)]
    [InlineData(403, "AccessDeniedException", AgentRuntimeErrorKind.AccessDenied, false)]
    [InlineData(404, "ResourceNotFoundException", AgentRuntimeErrorKind.NotFound, false)]
    [InlineData(409, "RetryableConflictException", AgentRuntimeErrorKind.Conflict, true)]
    [InlineData(424, "RuntimeClientError", AgentRuntimeErrorKind.RuntimeClientError, false)]
    [InlineData(429, "ThrottlingException", AgentRuntimeErrorKind.Throttling, true)]
    [InlineData(500, "InternalServerException", AgentRuntimeErrorKind.InternalServer, true)]
    [InlineData(503, "ServiceUnavailableException", AgentRuntimeErrorKind.ServiceUnavailable, true)]
    public async Task InvokeAsync_AwsErrorTypeHeader_MapsToItsKindAsync(int status, string errorType, AgentRuntimeErrorKind kind, bool retryable)
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueAwsError(status, errorType, "the service's message");
        using var client = new Clients().Create(server.ArnTarget(), NoRetries);

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(kind, error.Kind);
        Assert.Equal(errorType, error.ErrorType);
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal("the service's message", error.Message);
        Assert.Equal("req-" + status, error.RequestId);
        Assert.Equal(server.Requests[0].TurnId, error.TurnId);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task InvokeAsync_ErrorTypeInTheBody_IsUsedWithoutTheHeaderAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueJson(400, """{"__type":"com.amazonaws.bedrockagentcore#ValidationException","Message":"bad qualifier"}""");
        using var client = new Clients().Create(server.ArnTarget(), NoRetries);

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(AgentRuntimeErrorKind.Validation, error.Kind);
        Assert.Equal("ValidationException", error.ErrorType);
        Assert.Equal("bad qualifier", error.Message);
    }

    [Fact]
    public async Task InvokeAsync_HostConversationConflict_IsANonRetryableConflictAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueJson(409, """{"error":"Another writer stored turn 4 first.","error_type":"ConversationConflict"}""");
        using var client = new Clients().Create(server.ArnTarget());

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(AgentRuntimeErrorKind.Conflict, error.Kind);
        Assert.Equal("ConversationConflict", error.ErrorType);
        Assert.False(error.IsRetryable);
        Assert.Equal("Another writer stored turn 4 first.", error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_HostBadRequest_IsValidationWithTheHostsDetailsAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueJson(400, """{"error":"Missing prompt","details":"The body must contain a non-empty \"prompt\" string."}""");
        using var client = new Clients().Create(server.ArnTarget());

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(AgentRuntimeErrorKind.Validation, error.Kind);
        Assert.Equal("Http400", error.ErrorType);
        Assert.Equal("Missing prompt", error.Message);
        Assert.Equal("The body must contain a non-empty \"prompt\" string.", error.Details);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task InvokeAsync_HostModelError_IsInternalButNotRetriedAsync()
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueJson(500, """{"error":"The model call failed.","details":"Turn t of session s was stored with stop reason 'error'.","error_type":"ModelError"}""");
        using var client = new Clients().Create(server.ArnTarget());

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(AgentRuntimeErrorKind.InternalServer, error.Kind);
        Assert.Equal("ModelError", error.ErrorType);
        Assert.False(error.IsRetryable);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData(413, AgentRuntimeErrorKind.Validation)]
    [InlineData(502, AgentRuntimeErrorKind.ServiceUnavailable)]
    [InlineData(504, AgentRuntimeErrorKind.ServiceUnavailable)]
    [InlineData(418, AgentRuntimeErrorKind.Unknown)]
    public async Task InvokeAsync_StatusWithoutAnErrorType_IsClassifiedByStatusAsync(int status, AgentRuntimeErrorKind kind)
    {
        await using var server = await FakeDataPlane.StartAsync();
        server.EnqueueJson(status, string.Empty);
        using var client = new Clients().Create(server.ArnTarget(), NoRetries);

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Clients.Request(), TestContext.Current.CancellationToken));

        Assert.Equal(kind, error.Kind);
        Assert.Equal($"Http{status}", error.ErrorType);
        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
