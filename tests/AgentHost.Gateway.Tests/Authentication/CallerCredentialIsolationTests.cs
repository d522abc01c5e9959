using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.Tests.Support;

namespace AgentHost.Gateway.Tests.Authentication;

/// <summary>
/// The caller's credential travels with the invocation, request by request: concurrent callers each send their own token,
/// and the work nobody's invocation asked for (the event stream, refreshes, re-initialisation) never carries one.
/// </summary>
public sealed class CallerCredentialIsolationTests
{
    [Fact]
    public async Task PassThrough_ConcurrentCallersAndABackgroundRefresh_EachRequestCarriesOnlyItsOwnCredentialAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => s.Auth = AuthMode.Bearer);
        server.AcceptToken("caller-a");
        server.AcceptToken("caller-b");
        var gateway = GatewayTestHost.Gateway("jwt", server.Url, GatewayAuthType.CustomJwt);
        gateway.TokenEndpoint = server.TokenUrl;
        gateway.ClientId = server.ClientId;
        gateway.ClientSecretVariable = "AGENTHOST_TEST_ISOLATION_SECRET";
        gateway.PassThroughAuthorization = true;
        Environment.SetEnvironmentVariable(gateway.ClientSecretVariable, server.ClientSecret);
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(gateway));
        await host.WaitForToolsAsync(5);
        await Poll.UntilAsync(() => server.EventStreams == 1, "the background event stream is open");
        var function = await host.ResolveAsync("orders___get_order");
        var listsBefore = server.ListCalls;

        // 16 calls from two callers at once (caller a's orders are O-1xx, caller b's O-2xx), while the gateway announces a change (a background refresh lists again).
        var calls = Enumerable.Range(0, 16).Select(i =>
        {
            var caller = i % 2 == 0 ? "a" : "b";
            return Task.Run(async () => await function.InvokeAsync(
                GatewayTestHost.Arguments(GatewayTestHost.Invocation("Bearer caller-" + caller), new Dictionary<string, object?> { ["orderId"] = $"O-{(caller == "a" ? 100 : 200) + i}" }),
                TestContext.Current.CancellationToken));
        }).ToList();
        await server.NotifyToolsChangedAsync();
        await Task.WhenAll(calls);
        await Poll.UntilAsync(() => server.ListCalls > listsBefore, "the background refresh after the change notice");

        var requests = server.Requests.ToList();
        var toolCalls = requests.Where(r => r.RpcMethod == "tools/call").ToList();
        Assert.Equal(16, toolCalls.Count);
        Assert.All(toolCalls, r => Assert.Equal(r.Arguments!.Contains("\"O-1", StringComparison.Ordinal) ? "Bearer caller-a" : "Bearer caller-b", r.Authorization));
        var background = requests.Where(r => r.HttpMethod == "GET" || r.RpcMethod is "tools/list" or "initialize" or "notifications/initialized").ToList();
        Assert.Contains(background, r => r.HttpMethod == "GET");
        Assert.Contains(background, r => r.RpcMethod == "tools/list");
        Assert.All(background, r => Assert.StartsWith("Bearer token-", r.Authorization, StringComparison.Ordinal)); // client credentials only
    }

    [Fact]
    public async Task PassThroughOnly_SessionDroppedBetweenCallers_ReinitialisesWithTheNextCallersTokenAndOpensNoEventStreamAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => s.Auth = AuthMode.Bearer);
        server.AcceptToken("caller-a");
        server.AcceptToken("caller-b");
        var gateway = GatewayTestHost.Gateway("passthrough", server.Url, GatewayAuthType.CustomJwt);
        gateway.PassThroughAuthorization = true;
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(gateway));
        var a = GatewayTestHost.Invocation("Bearer caller-a");
        var b = GatewayTestHost.Invocation("Bearer caller-b");
        Assert.Equal(5, (await host.ToolProvider.GetToolsAsync(GatewayTestHost.Context(a, "hi"), TestContext.Current.CancellationToken)).Count);
        var function = await host.ResolveAsync("orders___get_order");
        await function.InvokeAsync(GatewayTestHost.Arguments(a, new Dictionary<string, object?> { ["orderId"] = "O-101" }), TestContext.Current.CancellationToken);

        server.DropSessions();
        await function.InvokeAsync(GatewayTestHost.Arguments(b, new Dictionary<string, object?> { ["orderId"] = "O-201" }), TestContext.Current.CancellationToken);

        var requests = server.Requests.ToList();
        var reinitialise = requests.FindLastIndex(r => r.RpcMethod == "initialize");
        Assert.True(server.Initializes >= 2);
        Assert.Equal("Bearer caller-b", requests[reinitialise].Authorization); // the handshake of the caller that needed it
        Assert.Equal("Bearer caller-b", requests.Last(r => r.RpcMethod == "tools/call").Authorization);
        Assert.Equal("Bearer caller-a", requests.First(r => r.RpcMethod == "tools/call").Authorization);
        Assert.DoesNotContain(requests, r => r.HttpMethod == "GET");
        Assert.DoesNotContain(requests, r => r.RpcMethod is not null && r.Authorization.Length == 0 && r.RpcMethod != "notifications/cancelled");
    }

    [Fact]
    public async Task PassThroughOnly_CallerWithARefusedToken_FailsAloneWithoutReinitialisingTheSharedSessionAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => s.Auth = AuthMode.Bearer);
        server.AcceptToken("caller-a");
        var gateway = GatewayTestHost.Gateway("passthrough", server.Url, GatewayAuthType.CustomJwt);
        gateway.PassThroughAuthorization = true;
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(gateway));
        var a = GatewayTestHost.Invocation("Bearer caller-a");
        await host.ToolProvider.GetToolsAsync(GatewayTestHost.Context(a, "hi"), TestContext.Current.CancellationToken);
        var function = await host.ResolveAsync("orders___get_order");
        var initializes = server.Initializes;

        var error = await Assert.ThrowsAsync<AgentHost.Gateway.Tools.GatewayToolException>(async () => await function.InvokeAsync(
            GatewayTestHost.Arguments(GatewayTestHost.Invocation("Bearer forged"), new Dictionary<string, object?> { ["orderId"] = "O-666" }), TestContext.Current.CancellationToken));
        await function.InvokeAsync(GatewayTestHost.Arguments(a, new Dictionary<string, object?> { ["orderId"] = "O-102" }), TestContext.Current.CancellationToken);

        Assert.Contains("HTTP 401", error.Message, StringComparison.Ordinal);
        Assert.Equal(initializes, server.Initializes);
        Assert.Single(server.Requests, r => r.Authorization == "Bearer forged");
        Assert.Equal(1, server.CallCalls);
    }
}
