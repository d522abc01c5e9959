using System.Text.Json.Nodes;
using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.Tests.Support;
using AgentHost.Gateway.Tools;

namespace AgentHost.Gateway.Tests.Authentication;

/// <summary>
/// A gateway whose token comes from AgentCore Identity (GetResourceOauth2Token, flow M2M) with the invocation's workload access
/// token, against a fake Identity endpoint; the AWS SDK for JavaScript is the wire oracle of the request and its signature.
/// </summary>
public sealed class AgentCoreIdentityTests : IAsyncLifetime
{
    private TestMcpServer _server = null!;
    private FakeIdentityServer _identity = null!;
    private GatewayTestHost _host = null!;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _issued = new();

    public async ValueTask InitializeAsync()
    {
        _server = await TestMcpServer.StartAsync(TestCatalog.Behaviours(), s => s.Auth = AuthMode.Bearer);
        _identity = await FakeIdentityServer.StartAsync();
        _identity.OnIssued = token =>
        {
            _server.AcceptToken(token);
            _issued.Enqueue(token);
        };
        var gateway = GatewayTestHost.Gateway("crm", _server.Url, GatewayAuthType.CustomJwt);
        gateway.CredentialProviderName = "crm-oauth";
        gateway.Scopes.Add("tools/read");
        gateway.Scopes.Add("tools/write");
        gateway.Region = "us-west-2";
        _host = await GatewayTestHost.StartAsync(o =>
        {
            o.Gateways.Add(gateway);
            o.IdentityEndpoint = _identity.Url;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _identity.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Invocations_WithWorkloadTokens_ListAndCallWithOneCachedIdentityTokenAndNothingInTheBackgroundAsync()
    {
        Assert.True(await _host.Provider.WaitForDiscoveryAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        await Task.Delay(200, TestContext.Current.CancellationToken); // room for a background request that must not happen
        Assert.Empty(_server.Requests);

        var first = GatewayTestHost.Invocation(workloadAccessToken: "wat-first");
        var tools = await _host.ToolProvider.GetToolsAsync(GatewayTestHost.Context(first, "order"), TestContext.Current.CancellationToken);
        var function = await _host.ResolveAsync("orders___get_order");
        await function.InvokeAsync(GatewayTestHost.Arguments(first, new Dictionary<string, object?> { ["orderId"] = "O-1" }), TestContext.Current.CancellationToken);
        await function.InvokeAsync(
            GatewayTestHost.Arguments(GatewayTestHost.Invocation(workloadAccessToken: "wat-second"), new Dictionary<string, object?> { ["orderId"] = "O-2" }),
            TestContext.Current.CancellationToken);

        Assert.Equal(5, tools.Count);
        var identity = Assert.Single(_identity.Requests);
        Assert.Equal("wat-first", JsonNode.Parse(identity.Body)!["workloadIdentityToken"]!.GetValue<string>());
        Assert.Equal(2, _server.CallCalls);
        var token = Assert.Single(_issued);
        Assert.All(_server.Requests, r => Assert.Equal("Bearer " + token, r.Authorization));
        Assert.DoesNotContain(_server.Requests, r => r.HttpMethod == "GET"); // no event stream: the background has no workload token
    }

    [Fact]
    public async Task IdentityRequest_ComparedWithTheAwsSdkForJavaScript_IsWhatItSendsAndItsSignatureVerifiesAsync()
    {
        Assert.SkipUnless(IdentityOracle.IsInstalled, "The AgentCore service model is not installed: run tests/setup/mcp-peer.sh (tests/run.sh does).");
        var invocation = GatewayTestHost.Invocation(workloadAccessToken: "wat-oracle");
        await _host.ToolProvider.GetToolsAsync(GatewayTestHost.Context(invocation, "order"), TestContext.Current.CancellationToken);
        var ours = Assert.Single(_identity.Requests);

        await IdentityOracle.SendAsync(_identity.Url, new JsonObject
        {
            ["workloadIdentityToken"] = "wat-oracle",
            ["resourceCredentialProviderName"] = "crm-oauth",
            ["scopes"] = new JsonArray("tools/read", "tools/write"),
            ["oauth2Flow"] = "M2M",
        });
        var theirs = _identity.Requests.Last();

        Assert.Equal(theirs.Method, ours.Method);
        Assert.Equal(new Uri(theirs.Url).AbsolutePath, new Uri(ours.Url).AbsolutePath);
        Assert.Equal(IdentityOracle.MediaType(theirs), IdentityOracle.MediaType(ours));
        Assert.True(JsonNode.DeepEquals(IdentityOracle.Body(theirs), IdentityOracle.Body(ours)), $"ours: {ours.Body}\ntheirs: {theirs.Body}");
        Assert.Equal(theirs.Headers["x-amz-security-token"], ours.Headers["x-amz-security-token"]);
        Assert.Contains("/us-west-2/bedrock-agentcore/aws4_request", ours.Headers["authorization"], StringComparison.Ordinal);
        Assert.Equal(await IdentityOracle.SignAsync(ours), ours.Headers["authorization"]);
    }

    [Fact]
    public async Task Call_WithoutAWorkloadTokenOrClientCredentials_FailsNamingTheMissingTokenAsync()
    {
        await _host.ToolProvider.GetToolsAsync(GatewayTestHost.Context(GatewayTestHost.Invocation(workloadAccessToken: "wat-1"), "order"), TestContext.Current.CancellationToken);
        var function = await _host.ResolveAsync("orders___get_order");

        var error = await Assert.ThrowsAsync<GatewayToolException>(async () => await function.InvokeAsync(
            GatewayTestHost.Arguments(GatewayTestHost.Invocation(), new Dictionary<string, object?> { ["orderId"] = "O-3" }), TestContext.Current.CancellationToken));

        Assert.Equal(GatewayToolErrorKind.Unavailable, error.Kind);
        Assert.Contains("workload access token", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.CallCalls);
    }

}
