using System.Text.Json;
using AgentHost.Gateway.Tests.Support;
using AgentHost.Gateway.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Tests.Peers;

/// <summary>Against the TypeScript MCP SDK server (Streamable HTTP, stateful sessions, JSON responses) of the Strands peer.</summary>
public sealed class TypeScriptPeerTests : IAsyncLifetime
{
    private TypeScriptPeerServer _peer = null!;
    private GatewayTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(TypeScriptPeerServer.IsInstalled, "The TypeScript MCP peer is not installed: run tests/setup/mcp-peer.sh (tests/run.sh does).");
        _peer = await TypeScriptPeerServer.StartAsync();
        _host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("peer", _peer.Url)));
        await _host.WaitForToolsAsync(10);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }
    }

    [Fact]
    public async Task Discovery_TypeScriptPeer_FindsTheScenarioToolsAsync()
    {
        var tools = await _host.ToolProvider.GetToolsAsync(GatewayTestHost.Context("What tier is customer C-1042 on?"), TestContext.Current.CancellationToken);

        Assert.Equal(10, tools.Count);
        Assert.Contains(tools, t => t.Name == "get_customer_profile");
        var stats = await _peer.StatsAsync();
        Assert.Equal(1, stats.GetProperty("listTools").GetInt32());
    }

    [Fact]
    public async Task ToolCall_TypeScriptPeer_ReturnsTheScenarioResultWithoutListingAgainAsync()
    {
        var function = await _host.ResolveAsync("get_customer_profile");

        var first = await function.InvokeAsync(new AIFunctionArguments { ["customerId"] = "C-1042" }, TestContext.Current.CancellationToken);
        await function.InvokeAsync(new AIFunctionArguments { ["customerId"] = "C-1043" }, TestContext.Current.CancellationToken);

        using var profile = JsonDocument.Parse(Assert.IsType<string>(first));
        Assert.Equal("Alan Turing", profile.RootElement.GetProperty("name").GetString());
        Assert.Equal("gold", profile.RootElement.GetProperty("tier").GetString());
        var stats = await _peer.StatsAsync();
        Assert.Equal(1, stats.GetProperty("listTools").GetInt32());
        Assert.Equal(2, stats.GetProperty("callTool").GetInt32());
        Assert.Equal(1, stats.GetProperty("sessions").GetInt32());
    }

    [Fact]
    public async Task PeerToolCall_WithoutTheRequiredArgument_FailsBeforeReachingThePeerAsync()
    {
        var function = await _host.ResolveAsync("get_customer_profile");

        var error = await Assert.ThrowsAsync<GatewayToolException>(async () =>
            await function.InvokeAsync(new AIFunctionArguments(), TestContext.Current.CancellationToken));

        Assert.Contains("customerId: is required", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await _peer.StatsAsync()).GetProperty("callTool").GetInt32());
    }
}
