using AgentHost.Gateway.Authentication;
using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.Tests.Support;
using AgentHost.Testing.Time;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Tests.Authentication;

public sealed class AuthenticationTests
{
    private static GatewayOptions JwtGateway(TestMcpServer server, string secretVariable)
    {
        var gateway = GatewayTestHost.Gateway("secure", server.Url, GatewayAuthType.CustomJwt);
        gateway.TokenEndpoint = server.TokenUrl;
        gateway.ClientId = server.ClientId;
        gateway.ClientSecretVariable = secretVariable;
        gateway.Scopes.Add("gateway/invoke");
        return gateway;
    }

    private static string SecretVariable(TestMcpServer server)
    {
        var name = "AGENTHOST_TEST_SECRET_" + server.Port;
        Environment.SetEnvironmentVariable(name, server.ClientSecret);
        return name;
    }

    [Fact]
    public async Task CustomJwt_Discovery_UsesOneClientCredentialsTokenForEveryRequestAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => s.Auth = AuthMode.Bearer);
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(JwtGateway(server, SecretVariable(server))));

        await host.WaitForToolsAsync(5);
        await (await host.ResolveAsync("orders___get_order")).InvokeAsync(new AIFunctionArguments { ["orderId"] = "O-7" }, TestContext.Current.CancellationToken);

        Assert.Equal(1, server.TokenRequests);
        Assert.Equal(0, server.Unauthorized);
        Assert.All(server.AuthorizationHeaders, h => Assert.Equal("Bearer token-1", h));
    }

    [Fact]
    public async Task ToolCall_After401_ReauthenticatesReinitialisesAndRetriesOnceAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => s.Auth = AuthMode.Bearer);
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(JwtGateway(server, SecretVariable(server))));
        await host.WaitForToolsAsync(5);

        server.ExpireTokens();
        var result = await (await host.ResolveAsync("orders___get_order")).InvokeAsync(new AIFunctionArguments { ["orderId"] = "O-8" }, TestContext.Current.CancellationToken);

        Assert.Contains("O-8", result?.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, server.TokenRequests);
        Assert.Equal(2, server.Initializes);
        Assert.Equal(1, server.CallCalls);
        Assert.Contains("Bearer token-2", server.AuthorizationHeaders);
    }

    [Fact]
    public async Task ToolCall_AfterSessionDropped404_ReinitialisesTheSessionAndRetriesOnceAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours());
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("main", server.Url)));
        await host.WaitForToolsAsync(5);

        server.DropSessions();
        var result = await (await host.ResolveAsync("orders___get_order")).InvokeAsync(new AIFunctionArguments { ["orderId"] = "O-9" }, TestContext.Current.CancellationToken);

        Assert.Contains("O-9", result?.ToString(), StringComparison.Ordinal);
        Assert.True(server.SessionNotFound >= 1);
        Assert.Equal(2, server.Initializes);
        Assert.Equal(1, server.CallCalls);
    }

    [Fact]
    public async Task ToolCall_AfterSessionDropped404_OpensTheNewSessionsEventStreamAsync()
    {
        // A restored snapshot (AgentCore Runtime V2) or an expired gateway session: the change notices must follow the new session.
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours());
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("main", server.Url)));
        await host.WaitForToolsAsync(5);
        await Poll.UntilAsync(() => server.EventStreams == 1, "the first session's event stream");

        server.DropSessions();
        await (await host.ResolveAsync("orders___get_order")).InvokeAsync(new AIFunctionArguments { ["orderId"] = "O-10" }, TestContext.Current.CancellationToken);

        await Poll.UntilAsync(() => server.EventStreams == 2, "the re-initialised session's event stream");
        Assert.Equal(2, server.Initializes);
        Assert.Equal(1, server.ListCalls);
    }

    [Fact]
    public async Task ToolCall_WhenRetryAlsoFails_ReportsTheGatewayUnavailableAfterOneRetryAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => s.Auth = AuthMode.Bearer);
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(JwtGateway(server, SecretVariable(server))));
        await host.WaitForToolsAsync(5);

        server.ClientSecret = "rotated-elsewhere";
        server.ExpireTokens();
        var function = await host.ResolveAsync("orders___get_order");
        var error = await Assert.ThrowsAsync<Tools.GatewayToolException>(async () =>
            await function.InvokeAsync(new AIFunctionArguments { ["orderId"] = "O-1" }, TestContext.Current.CancellationToken));

        Assert.Equal(Tools.GatewayToolErrorKind.Unavailable, error.Kind);
        Assert.DoesNotContain("rotated-elsewhere", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains("client-secret-value", StringComparison.Ordinal) || l.Contains("token-1", StringComparison.Ordinal));
        Assert.Equal(0, server.CallCalls);
    }

    [Fact]
    public async Task Token_NearExpiry_IsRefreshedBeforeUseWithoutA401Async()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => { s.Auth = AuthMode.Bearer; s.TokenLifetimeSeconds = 900; });
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(JwtGateway(server, SecretVariable(server))), time);
        await host.WaitForToolsAsync(5);
        var function = await host.ResolveAsync("orders___get_order");

        time.Advance(TimeSpan.FromSeconds(800));
        await function.InvokeAsync(new AIFunctionArguments { ["orderId"] = "O-1" }, TestContext.Current.CancellationToken);
        Assert.Equal(1, server.TokenRequests);

        time.Advance(TimeSpan.FromSeconds(50));
        await function.InvokeAsync(new AIFunctionArguments { ["orderId"] = "O-2" }, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.TokenRequests);
        Assert.Equal(0, server.Unauthorized);
        Assert.Equal(1, server.Initializes);
    }

    [Fact]
    public async Task ClientSecret_FromSecretsFile_IsUsedWhenNoVariableIsSetAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => s.Auth = AuthMode.Bearer);
        var file = Path.Combine(Path.GetTempPath(), $"agenthost-secret-{server.Port}.txt");
        await File.WriteAllTextAsync(file, server.ClientSecret + "\n", TestContext.Current.CancellationToken);
        try
        {
            var gateway = JwtGateway(server, "AGENTHOST_TEST_SECRET_UNSET_VARIABLE");
            gateway.ClientSecretFile = file;
            await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(gateway));

            await host.WaitForToolsAsync(5);
            Assert.Equal(1, server.TokenRequests);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ClientCredentials_TokenFromStartUp_IsFetchedAgainAtTheFirstInvocationOnlyAsync()
    {
        // AgentCore Runtime V2 restores sessions from a snapshot taken after start-up: a token fetched then is never reused blindly.
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => s.Auth = AuthMode.Bearer);
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(JwtGateway(server, SecretVariable(server))));
        await host.WaitForToolsAsync(5);
        var function = await host.ResolveAsync("orders___get_order");
        Assert.Equal(1, server.TokenRequests);

        for (var i = 0; i < 3; i++)
        {
            await function.InvokeAsync(
                GatewayTestHost.Arguments(GatewayTestHost.Invocation(), new Dictionary<string, object?> { ["orderId"] = $"O-{i}" }), TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, server.TokenRequests);
        Assert.All(server.Requests.Where(r => r.RpcMethod == "tools/call"), r => Assert.Equal("Bearer token-2", r.Authorization));
    }

    [Fact]
    public async Task ToolCall_PassThroughAuthorization_SendsTheInboundBearerAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => s.Auth = AuthMode.Bearer);
        var gateway = JwtGateway(server, SecretVariable(server));
        gateway.PassThroughAuthorization = true;
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(gateway));
        await host.WaitForToolsAsync(5);
        var function = await host.ResolveAsync("orders___get_order");
        await Poll.UntilAsync(() => server.EventStreams == 1, "the background event stream (client-credentials token) is open");

        server.AcceptToken("caller-token");
        var before = server.AuthorizationHeaders.Count;
        await function.InvokeAsync(
            GatewayTestHost.Arguments(GatewayTestHost.Invocation("Bearer caller-token"), new Dictionary<string, object?> { ["orderId"] = "O-1" }),
            TestContext.Current.CancellationToken);

        Assert.Equal(1, server.CallCalls);
        Assert.All(server.AuthorizationHeaders.Skip(before), h => Assert.Equal("Bearer caller-token", h));
        Assert.NotEmpty(server.AuthorizationHeaders.Skip(before));
    }

    [Fact]
    public async Task AwsIam_EveryMcpRequest_CarriesAValidSigV4SignatureForBedrockAgentCoreAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => s.Auth = AuthMode.SigV4);
        var gateway = GatewayTestHost.Gateway("iam", server.Url, GatewayAuthType.AwsIam);
        gateway.Region = "us-west-2";
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(gateway));

        await host.WaitForToolsAsync(5);
        await (await host.ResolveAsync("orders___get_order")).InvokeAsync(new AIFunctionArguments { ["orderId"] = "O-3" }, TestContext.Current.CancellationToken);

        Assert.Equal(0, server.Unauthorized);
        Assert.Equal(1, server.CallCalls);
        Assert.True(server.VerifiedSignatures >= 3);
        Assert.All(server.AuthorizationHeaders, h => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", h, StringComparison.Ordinal));
        Assert.All(server.AuthorizationHeaders, h => Assert.Contains("/us-west-2/bedrock-agentcore/aws4_request", h, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Discovery_PassThroughOnlyGateway_IsListedWithTheInboundBearerOnFirstUseAndThenCachedAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => s.Auth = AuthMode.Bearer);
        server.AcceptToken("caller-token");
        var gateway = GatewayTestHost.Gateway("passthrough", server.Url, GatewayAuthType.CustomJwt);
        gateway.PassThroughAuthorization = true;
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(gateway));
        Assert.True(await host.Provider.WaitForDiscoveryAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Empty(await host.ToolProvider.GetToolsAsync(GatewayTestHost.Context("hi"), TestContext.Current.CancellationToken));
        Assert.Equal(0, server.ListCalls);

        var caller = GatewayTestHost.Invocation("Bearer caller-token");
        var first = await host.ToolProvider.GetToolsAsync(GatewayTestHost.Context(caller, "hi"), TestContext.Current.CancellationToken);
        await host.ToolProvider.GetToolsAsync(GatewayTestHost.Context(caller, "hi again"), TestContext.Current.CancellationToken);
        await (await host.ResolveAsync("orders___get_order")).InvokeAsync(
            GatewayTestHost.Arguments(caller, new Dictionary<string, object?> { ["orderId"] = "O-4" }), TestContext.Current.CancellationToken);

        await Task.Delay(300, TestContext.Current.CancellationToken); // room for a background request that must not happen
        Assert.Equal(5, first.Count);
        Assert.Equal(1, server.ListCalls);
        Assert.Equal(1, server.CallCalls);
        Assert.Equal(0, server.TokenRequests);
        Assert.Equal(0, server.EventStreams); // no background event stream: it would have no credentials of its own
        Assert.All(server.AuthorizationHeaders, h => Assert.Equal("Bearer caller-token", h));
    }
}
