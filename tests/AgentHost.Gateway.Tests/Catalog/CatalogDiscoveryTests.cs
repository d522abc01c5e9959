using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.Tests.Support;
using AgentHost.Testing.Time;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Tests.Catalog;

public sealed class CatalogDiscoveryTests
{
    [Fact]
    public async Task Catalog_WithPaginatedGateway_ListsEveryPageExactlyOnceAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Large(230), s => s.PageSize = 50);
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("main", server.Url)));

        await host.WaitForToolsAsync(230);

        Assert.Equal(230, host.Catalog.Current.Tools.Count);
        Assert.Equal(5, server.ListCalls);
        Assert.Contains(host.Catalog.Current.Tools, t => t.Name == "shipping___track_parcel");
        var status = Assert.Single(host.Status.GetStatus());
        Assert.True(status.Connected);
        Assert.Equal(230, status.ToolCount);
        Assert.Null(status.LastError);
        Assert.NotNull(status.LastRefresh);
    }

    [Fact]
    public async Task Invocations_InSteadyState_MakeNoListCallsAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours());
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("main", server.Url)));
        await host.WaitForToolsAsync(5);
        var listCallsAfterDiscovery = server.ListCalls;

        for (var i = 0; i < 5; i++)
        {
            var tools = await host.ToolProvider.GetToolsAsync(GatewayTestHost.Context("where is my order?"), TestContext.Current.CancellationToken);
            Assert.Equal(5, tools.Count);
            var function = await host.ResolveAsync("orders___get_order");
            await function.InvokeAsync(new AIFunctionArguments { ["orderId"] = "O-1" }, TestContext.Current.CancellationToken);
        }

        Assert.Equal(5, server.CallCalls);
        Assert.Equal(listCallsAfterDiscovery, server.ListCalls);
        Assert.Equal(1, server.Initializes);
    }

    [Fact]
    public async Task Catalog_ListChangedNotification_IsRefreshedAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours());
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("main", server.Url)));
        await host.WaitForToolsAsync(5);

        server.SetTools([.. TestCatalog.Behaviours(), TestCatalog.Tool("orders___new_tool", "A tool added later.")]);
        var rounds = 0;
        await host.WaitForToolsAsync(6, () =>
        {
            if (rounds++ % 10 == 0)
            {
                server.NotifyToolsChangedAsync().GetAwaiter().GetResult();
            }
        });

        Assert.NotNull(await host.ToolProvider.ResolveAsync("orders___new_tool", TestContext.Current.CancellationToken));
        Assert.Equal(1, server.Initializes);
    }

    [Fact]
    public async Task RefreshInterval_Elapsed_ListsTheCatalogAgainAsync()
    {
        var time = new ManualTimeProvider();
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours());
        await using var host = await GatewayTestHost.StartAsync(
            o =>
            {
                o.Gateways.Add(GatewayTestHost.Gateway("main", server.Url));
                o.RefreshInterval = TimeSpan.FromMinutes(10);
            },
            time);
        await host.WaitForToolsAsync(5);
        Assert.Equal(1, server.ListCalls);

        server.SetTools([.. TestCatalog.Behaviours(), TestCatalog.Tool("orders___ttl_tool", "Appears after the TTL.")]);
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(1, server.ListCalls);

        await host.WaitForToolsAsync(6, () => time.Advance(TimeSpan.FromMinutes(1)));
        Assert.True(server.ListCalls >= 2);
    }

    [Fact]
    public async Task Discovery_GatewayDownAtStartup_IsRetriedAndItsToolsAppearWhenItComesBackAsync()
    {
        var port = TestMcpServer.FreePort();
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("late", new Uri($"http://127.0.0.1:{port}/mcp"))));

        await Poll.UntilAsync(() => host.Status.GetStatus()[0].LastError is not null, "a recorded connection failure");
        var down = host.Status.GetStatus()[0];
        Assert.False(down.Connected);
        Assert.Equal(0, down.ToolCount);
        Assert.Empty(await host.ToolProvider.GetToolsAsync(GatewayTestHost.Context("hi"), TestContext.Current.CancellationToken));

        await using var server = new TestMcpServer(TestCatalog.Behaviours());
        await server.StartOnPortAsync(port);
        await host.WaitForToolsAsync(5);

        var up = host.Status.GetStatus()[0];
        Assert.True(up.Connected);
        Assert.Null(up.LastError);
        Assert.Equal(5, up.ToolCount);
    }

    [Fact]
    public async Task ToolProvider_NoGatewayConfigured_ProvidesNoToolsAndSaysSoOnceAsync()
    {
        await using var host = await GatewayTestHost.StartAsync(_ => { });
        await Poll.UntilAsync(() => host.Logs.Lines.Any(l => l.Contains("No AgentCore gateway is configured", StringComparison.Ordinal)), "the no-gateway log line");

        Assert.Empty(await host.ToolProvider.GetToolsAsync(GatewayTestHost.Context("hi"), TestContext.Current.CancellationToken));
        Assert.Null(await host.ToolProvider.ResolveAsync("anything", TestContext.Current.CancellationToken));
        Assert.Empty(host.Status.GetStatus());
        Assert.Single(host.Logs.Lines, l => l.Contains("No AgentCore gateway", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WaitForDiscovery_PagedCatalog_ReturnsTrueOnceEveryGatewayIsListedAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Large(120), s => s.PageSize = 40);
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("main", server.Url)));

        var ready = await host.Provider.WaitForDiscoveryAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.True(ready);
        Assert.Equal(120, host.Provider.ToolCount);
    }

    [Fact]
    public async Task WaitForDiscovery_WithAGatewayDown_ReturnsFalseWithoutThrowingAsync()
    {
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("down", new Uri($"http://127.0.0.1:{TestMcpServer.FreePort()}/mcp"))));

        var ready = await host.Provider.WaitForDiscoveryAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.False(ready);
        Assert.NotNull(host.Status.GetStatus()[0].LastError);
    }

    [Fact]
    public async Task StartDiscovery_BeforeTheRefreshServiceStarts_ListsOnceAndTheServiceTakesOverAsync()
    {
        await using var server = await TestMcpServer.StartAsync(TestCatalog.Behaviours());
        await using var host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("main", server.Url)), startHostedServices: false);

        host.Provider.StartDiscovery();
        host.Provider.StartDiscovery();
        Assert.True(await host.Provider.WaitForDiscoveryAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(5, host.Provider.ToolCount);
        Assert.Equal(1, server.ListCalls);
        Assert.Equal(1, server.Initializes);

        // The refresh service awaits the listing already made instead of listing again, then keeps the catalog fresh.
        await host.StartHostedServicesAsync();
        server.SetTools([.. TestCatalog.Behaviours(), TestCatalog.Tool("orders___new_tool", "A tool added later.")]);
        var rounds = 0;
        await host.WaitForToolsAsync(6, () =>
        {
            if (rounds++ % 10 == 0)
            {
                server.NotifyToolsChangedAsync().GetAwaiter().GetResult();
            }
        });

        Assert.Equal(1, server.Initializes);
        Assert.InRange(server.ListCalls, 2, 1 + ((rounds + 9) / 10));
    }
}
