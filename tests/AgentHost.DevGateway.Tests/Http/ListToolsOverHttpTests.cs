using AgentHost.DevGateway.Tests.Support;
using ModelContextProtocol.Client;

namespace AgentHost.DevGateway.Tests.Http;

public sealed class ListToolsOverHttpTests
{
    [Fact]
    public async Task ToolsList_OverHttp_ReturnsTheCatalogAndTheSearchToolAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        IList<McpClientTool> tools = await fixture.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        List<string> gatewayTools = tools.Select(t => t.Name).Where(n => n != DevGatewayCatalog.SearchToolName).ToList();
        Assert.True(gatewayTools.Count >= 18, $"only {gatewayTools.Count} tools");
        Assert.All(gatewayTools, n => Assert.Matches("^[a-zA-Z0-9_-]+___[a-zA-Z0-9_-]+$", n));
        Assert.Contains(tools, t => t.Name == DevGatewayCatalog.SearchToolName);
        Assert.Contains("portfolio___get_portfolio", gatewayTools);
        Assert.Equal(fixture.Gateway.ToolCount, tools.Count);
    }

    [Fact]
    public async Task ToolsList_OverHttp_ListedToolsCarryDescriptionAndInputSchemaWithPatternAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        IList<McpClientTool> tools = await fixture.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        McpClientTool portfolio = tools.Single(t => t.Name == "portfolio___get_portfolio");
        Assert.Contains("portfolio", portfolio.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("^LP-\\d{3}$", portfolio.JsonSchema.GetProperty("properties").GetProperty("investorId").GetProperty("pattern").GetString());
        Assert.Equal("investorId", portfolio.JsonSchema.GetProperty("required")[0].GetString());
    }

    [Fact]
    public async Task ToolsList_OverHttp_ListedToolsDeclareAnnotationsReadsReadOnlyAndPaymentsAndUpdatesDestructiveAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();

        IList<McpClientTool> tools = await fixture.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.All(tools, t => Assert.NotNull(t.ProtocolTool.Annotations?.ReadOnlyHint));
        Assert.All(tools, t => Assert.False(string.IsNullOrEmpty(t.ProtocolTool.Annotations?.Title)));
        Dictionary<string, ModelContextProtocol.Protocol.ToolAnnotations> annotations = tools.ToDictionary(t => t.Name, t => t.ProtocolTool.Annotations!);
        foreach (string read in new[] { "portfolio___get_portfolio", "crm___find_investor", "accounts___list_transactions", "market___get_quote", DevGatewayCatalog.SearchToolName })
        {
            Assert.True(annotations[read].ReadOnlyHint, read);
        }

        foreach (string destructive in new[] { "accounts___request_withdrawal", "crm___update_contact_details" })
        {
            Assert.False(annotations[destructive].ReadOnlyHint, destructive);
            Assert.True(annotations[destructive].DestructiveHint, destructive);
        }

        Assert.False(annotations["cases___create_case"].DestructiveHint);
        Assert.True(annotations["notifications___send_notification"].OpenWorldHint);
    }

    [Fact]
    public async Task StartAsync_DefaultOptions_BindsTheEndpointToLoopbackWithTheMcpPathAsync()
    {
        await using DevGatewayHandle gateway = await DevGatewayServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("127.0.0.1", gateway.Endpoint.Host);
        Assert.Equal("/mcp", gateway.Endpoint.AbsolutePath);
        Assert.NotEqual(0, gateway.Port);
    }

    [Fact]
    public async Task StartAsync_NonLoopbackHost_IsRefusedAsync()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            DevGatewayServer.StartAsync(new DevGatewayOptions { Host = "0.0.0.0" }, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Endpoint_HttpGet_IsAnsweredWith405BecauseTheGatewayIsStatelessAsync()
    {
        await using DevGatewayHandle gateway = await DevGatewayServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        using HttpClient http = new();

        using HttpResponseMessage response = await http.GetAsync(gateway.Endpoint, TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task WaitForShutdownAsync_TokenCancelled_StopsTheGatewayAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync();
        using CancellationTokenSource stop = new();

        Task waiting = fixture.Gateway.WaitForShutdownAsync(stop.Token);
        Assert.False(waiting.IsCompleted);
        await stop.CancelAsync();
        await waiting;

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken).AsTask());
    }

    [Fact]
    public async Task DisposeAsync_HandleDisposedTwice_IsHarmlessAsync()
    {
        DevGatewayHandle gateway = await DevGatewayServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);

        await gateway.DisposeAsync();
        await gateway.DisposeAsync();

        Assert.NotEqual(0, gateway.Port);
    }
}
