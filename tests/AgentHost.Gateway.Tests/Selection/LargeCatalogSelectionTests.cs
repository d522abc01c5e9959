using System.Text.Json;
using AgentHost.Gateway.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Tests.Selection;

public sealed class LargeCatalogSelectionTests
{
    [Fact]
    public async Task GetTools_LargeCatalogWithoutGatewaySearch_OffersALocallyRankedSelectionPlusTheSearchToolAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Large(240));
        await using var host = await GatewayTestHost.StartAsync(o =>
        {
            o.Gateways.Add(GatewayTestHost.Gateway("main", server.Url));
            o.AlwaysOfferedTools.Add("tickets___create_tickets");
        });
        await host.WaitForToolsAsync(240);

        var tools = await host.ToolProvider.GetToolsAsync(GatewayTestHost.Context("Where is my parcel? The tracking number is 1Z999."), TestContext.Current.CancellationToken);

        Assert.InRange(tools.Count, 3, 12);
        Assert.Equal("tickets___create_tickets", tools[0].Name);
        Assert.Equal("shipping___track_parcel", tools[1].Name);
        Assert.Equal("search_tools", tools[^1].Name);
        Assert.Equal(0, server.SearchCalls);
    }

    [Fact]
    public async Task SearchTool_LargeCatalog_FindsToolsThatAreCallableInTheSameTurnAndOfferedNextCycleAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Large(240));
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("main", server.Url)));
        await host.WaitForToolsAsync(240);
        var first = await host.ToolProvider.GetToolsAsync(GatewayTestHost.Context("hello"), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(first, t => t.Name == "loyalty___approve_loyalty");

        var search = await host.ResolveAsync("search_tools");
        var found = await search.InvokeAsync(new AIFunctionArguments { ["query"] = "approve loyalty" }, TestContext.Current.CancellationToken);

        var names = Assert.IsType<JsonElement>(found).GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();
        Assert.Equal("loyalty___approve_loyalty", names[0]);
        var function = await host.ResolveAsync("loyalty___approve_loyalty");
        await function.InvokeAsync(new AIFunctionArguments { ["id"] = "L-1" }, TestContext.Current.CancellationToken);
        Assert.Equal(1, server.CallCalls);

        var next = await host.ToolProvider.GetToolsAsync(
            GatewayTestHost.Context(
                "hello",
                new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", "search_tools", new Dictionary<string, object?> { ["query"] = "approve loyalty" })]),
                new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call-1", found)])),
            TestContext.Current.CancellationToken);
        Assert.Contains(next, t => t.Name == "loyalty___approve_loyalty");
    }

    [Fact]
    public async Task GetTools_GatewayOfferingSearch_IsAskedForTheSelectionOncePerQueryAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Large(220), s => s.OfferSearchTool = true);
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("main", server.Url)));
        await host.WaitForToolsAsync(220);

        var context = GatewayTestHost.Context("track parcel");
        var tools = await host.ToolProvider.GetToolsAsync(context, TestContext.Current.CancellationToken);
        await host.ToolProvider.GetToolsAsync(context, TestContext.Current.CancellationToken);

        Assert.Equal("shipping___track_parcel", tools[0].Name);
        Assert.Equal(1, server.SearchCalls);
        Assert.DoesNotContain(tools, t => t.Name == TestMcpServer.SearchToolName);
        Assert.Null(await host.ToolProvider.ResolveAsync(TestMcpServer.SearchToolName, TestContext.Current.CancellationToken));
        Assert.Equal(220, host.Status.GetStatus()[0].ToolCount);
    }

    [Fact]
    public async Task GetTools_CatalogAtTheThreshold_OffersItWholeWithoutASearchToolAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Large(20));
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("main", server.Url)));
        await host.WaitForToolsAsync(20);

        var tools = await host.ToolProvider.GetToolsAsync(GatewayTestHost.Context("anything"), TestContext.Current.CancellationToken);

        Assert.Equal(20, tools.Count);
        Assert.DoesNotContain(tools, t => t.Name == "search_tools");
    }

    [Fact]
    public async Task GetTools_TwoGatewaysWithTheSameToolNames_GiveUniqueNamesAndCallsReachTheRightGatewayAsync()
    {
        await using var alpha = await TestMcpServer.StartAsync(TestCatalog.Behaviours());
        await using var beta = await TestMcpServer.StartAsync(TestCatalog.Behaviours());
        await using var host = await GatewayTestHost.StartAsync(o =>
        {
            o.Gateways.Add(GatewayTestHost.Gateway("alpha", alpha.Url));
            o.Gateways.Add(GatewayTestHost.Gateway("beta", beta.Url));
        });
        await host.WaitForToolsAsync(10);

        var names = host.Catalog.Current.Tools.Select(t => t.Name).ToList();
        Assert.Equal(10, names.Distinct().Count());
        var betaName = Assert.Single(names, n => n.StartsWith("orders___get_order_", StringComparison.Ordinal));
        var betaTool = await host.ResolveAsync(betaName);
        Assert.Equal("orders___get_order", betaTool.AdditionalProperties[Tools.GatewayToolProperties.ToolName]);
        Assert.Equal("beta", betaTool.AdditionalProperties[Tools.GatewayToolProperties.GatewayName]);
        await betaTool.InvokeAsync(new AIFunctionArguments { ["orderId"] = "O-5" }, TestContext.Current.CancellationToken);
        await (await host.ResolveAsync("orders___get_order")).InvokeAsync(new AIFunctionArguments { ["orderId"] = "O-6" }, TestContext.Current.CancellationToken);

        Assert.Equal("orders___get_order", Assert.Single(beta.Calls).Name);
        Assert.Contains("O-5", beta.Calls.Single().Arguments, StringComparison.Ordinal);
        Assert.Contains("O-6", alpha.Calls.Single().Arguments, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Lines, l => l.Contains("Tool name collision", StringComparison.Ordinal) && l.Contains(betaName, StringComparison.Ordinal));
    }
}
