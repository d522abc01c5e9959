using AgentHost.Gateway.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Tests.Calls;

/// <summary>What travels on a tool call's own answer stream besides the reply, and what a cancelled call tells the gateway.</summary>
public sealed class ToolCallStreamTests : IAsyncLifetime
{
    private TestMcpServer _server = null!;
    private GatewayTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TestMcpServer.StartAsync(
        [
            .. TestCatalog.Behaviours(),
            TestCatalog.Tool("catalog___reload_announces_change", "Reloads the catalog and announces the change.", """{"type":"object"}"""),
            TestCatalog.Tool("orders___export_slow", "Exports every order (answers only when cancelled).", """{"type":"object"}"""),
        ]);
        _host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("main", _server.Url)));
        await _host.WaitForToolsAsync(7);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ToolCall_WhenTheGatewayAnnouncesAListChangeOnTheCallStream_ReturnsTheReplyAndListsAgainAsync()
    {
        var listsBefore = _server.ListCalls;
        var tool = await _host.ResolveAsync("catalog___reload_announces_change");

        var result = await tool.InvokeAsync(new AIFunctionArguments(), TestContext.Current.CancellationToken);

        Assert.Contains("catalog___reload_announces_change", Assert.IsType<string>(result), StringComparison.Ordinal);
        Assert.Single(_server.CallRequestIds);
        await Poll.UntilAsync(() => _server.ListCalls > listsBefore, "a new tools/list after the change notice");
    }

    [Fact]
    public async Task ToolCall_Cancelled_TellsTheGatewayWithACancelledNotificationAsync()
    {
        var tool = await _host.ResolveAsync("orders___export_slow");
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var call = tool.InvokeAsync(new AIFunctionArguments(), cancel.Token).AsTask();
        await Poll.UntilAsync(() => _server.CallCalls == 1, "the gateway receives the call");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        await Poll.UntilAsync(() => _server.CancelNotices == 1, "a notifications/cancelled from the client");
        Assert.Equal(Assert.Single(_server.CallRequestIds), Assert.Single(_server.CancelledRequestIds));
        await Poll.UntilAsync(() => _server.CancelledCalls == 1, "the gateway's handler sees the cancellation");
    }
}
