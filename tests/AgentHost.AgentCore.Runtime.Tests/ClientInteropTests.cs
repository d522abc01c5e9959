using AgentHost.AgentCore.Client;
using AgentHost.AgentCore.Contracts;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;

namespace AgentHost.AgentCore.Runtime.Tests;

/// <summary>AgentHost.AgentCore.Client against the real /invocations endpoint: the two sides of the contract agree.</summary>
public sealed class ClientInteropTests
{
    [Fact]
    public async Task InvokeAsync_RealHost_ReturnsTheTurnWithItsToolCallAsync()
    {
        var tool = TestTools.Create("get_customer_profile", (_, _) => new ValueTask<object?>("gold"));
        await using var host = await RuntimeTestHost.StartAsync([tool]);
        host.Model.ThenToolCalls(Responses.Call("c1", "get_customer_profile", ("customerId", "C-1042"))).ThenText("Customer C-1042 is gold.");
        using var client = new AgentRuntimeClient(AgentRuntimeTarget.ForUrl(host.Client.BaseAddress!));

        var response = await client.InvokeAsync(Request(), TestContext.Current.CancellationToken);

        Assert.Equal("Customer C-1042 is gold.", response.Text);
        Assert.Equal(InvocationStopReasons.EndTurn, response.StopReason);
        Assert.Equal(RuntimeTestHost.SessionId, response.SessionId);
        var call = Assert.Single(response.ToolCalls);
        Assert.Equal(("get_customer_profile", "success"), (call.Name, call.Status));
        Assert.Equal("C-1042", call.Input.GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task InvokeStreamingAsync_RealHost_StreamsToolProgressTextAndDoneAsync()
    {
        var tool = TestTools.Create("get_customer_profile", (_, _) => new ValueTask<object?>("gold"));
        await using var host = await RuntimeTestHost.StartAsync([tool]);
        host.Model.ThenToolCalls(Responses.Call("c1", "get_customer_profile", ("customerId", "C-1042"))).ThenText("Customer C-1042 is gold.");
        using var client = new AgentRuntimeClient(AgentRuntimeTarget.ForUrl(host.Client.BaseAddress!));

        var events = new List<InvocationEvent>();
        await foreach (var item in client.InvokeStreamingAsync(Request(), TestContext.Current.CancellationToken))
        {
            events.Add(item);
        }

        Assert.Equal([ToolCallProgress.Started, ToolCallProgress.Finished], events.OfType<InvocationToolCall>().Select(e => e.Progress.Phase));
        Assert.Equal("Customer C-1042 is gold.", string.Concat(events.OfType<InvocationTextDelta>().Select(e => e.Text)));
        Assert.Equal("Customer C-1042 is gold.", Assert.IsType<InvocationCompleted>(events[^1]).Response.Text);
    }

    [Fact]
    public async Task InvokeAsync_SameTurnIdAgain_ReplaysWithoutRunningTheToolTwiceAsync()
    {
        var runs = 0;
        var tool = TestTools.Create("create_ticket", (_, _) =>
        {
            Interlocked.Increment(ref runs);
            return new ValueTask<object?>("T-1");
        });
        await using var host = await RuntimeTestHost.StartAsync([tool]);
        host.Model.ThenToolCalls(Responses.Call("c1", "create_ticket")).ThenText("Ticket T-1 created.");
        using var client = new AgentRuntimeClient(AgentRuntimeTarget.ForUrl(host.Client.BaseAddress!));

        var first = await client.InvokeAsync(Request("open a ticket"), TestContext.Current.CancellationToken);
        var again = await client.InvokeAsync(Request("open a ticket", first.TurnId), TestContext.Current.CancellationToken);

        Assert.Equal(1, runs);
        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(first.TurnId, again.TurnId);
        Assert.Equal("Ticket T-1 created.", again.Text);
    }

    [Fact]
    public async Task InvokeAsync_ModelFails_ThrowsModelErrorWithoutRetryingAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync();
        host.Model.ThenThrow(new InvalidOperationException("model unavailable"));
        using var client = new AgentRuntimeClient(AgentRuntimeTarget.ForUrl(host.Client.BaseAddress!));

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Request(), TestContext.Current.CancellationToken));

        Assert.Equal(AgentRuntimeErrorKind.InternalServer, error.Kind);
        Assert.Equal(RuntimeErrorTypes.ModelError, error.ErrorType);
        Assert.Equal(1, error.Attempts);
        Assert.Single(host.Model.Calls);
    }

    [Fact]
    public async Task InvokeAsync_SessionIdOverTheHostsLimit_IsValidationWithTheHostsDetailsAsync()
    {
        await using var host = await RuntimeTestHost.StartAsync(configure: o => o.MaxSessionIdLength = 16);
        using var client = new AgentRuntimeClient(AgentRuntimeTarget.ForUrl(host.Client.BaseAddress!));

        var error = await Assert.ThrowsAsync<AgentRuntimeException>(() => client.InvokeAsync(Request(), TestContext.Current.CancellationToken));

        Assert.Equal(AgentRuntimeErrorKind.Validation, error.Kind);
        Assert.Equal("Invalid sessionId", error.Message);
        Assert.Contains("16", error.Details, StringComparison.Ordinal);
        Assert.Empty(host.Model.Calls);
    }

    private static AgentRuntimeRequest Request(string prompt = "What tier is C-1042?", string? turnId = null) =>
        new() { SessionId = RuntimeTestHost.SessionId, Prompt = prompt, TurnId = turnId, Channel = "VOICE" };
}
