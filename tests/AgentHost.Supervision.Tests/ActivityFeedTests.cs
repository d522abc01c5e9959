using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Supervision;
using AgentHost.Control.Hashing;
using AgentHost.Supervision.Activity;
using AgentHost.Supervision.Stores;
using AgentHost.Testing.Models;
using AgentHost.Testing.Supervision;
using Microsoft.Extensions.AI;

namespace AgentHost.Supervision.Tests;

public sealed class ActivityFeedTests
{
    [Fact]
    public async Task RunTurnAsync_ToolCall_PublishesTheTurnInOrderWithMaskedArgumentsAndResultsAsync()
    {
        await using var host = new SupervisedTestHost();
        var call = SupervisedTestHost.Call("lookup", ("iban", "DE89370400440532013000"), ("limit", 3));
        host.Model.ThenToolCalls(call).ThenText("Your balance is 42.50.");

        await host.TurnAsync("s1", "What is my balance? My card is 4111 1111 1111 1111.", contactId: "contact-9");
        await host.FlushAsync();

        var events = await host.Feed.ReadAsync("s1", 0, 100, TestContext.Current.CancellationToken);
        Assert.Equal(
            [ActivityKinds.TurnStarted, ActivityKinds.Message, ActivityKinds.ToolCallStarted, ActivityKinds.ToolCallFinished, ActivityKinds.Message, ActivityKinds.TurnFinished],
            events.Select(e => e.Kind));
        Assert.Equal("customer", events[1].Role);
        Assert.Equal("What is my balance? My card is ••••1111.", events[1].Text);
        var started = events[2];
        Assert.Equal("lookup", started.ToolName);
        Assert.Equal("iban=***(22), limit=3", started.Summary);
        Assert.Equal(ControlHashes.Arguments(AgentHost.Abstractions.Conversations.ConversationJson.ToJsonObject(call.Arguments!)), started.Hash);
        var finished = events[3];
        Assert.Equal("success", finished.Status);
        Assert.Equal("name=***(12), account=***(22), balance=42.5, verified=true", finished.Summary);
        Assert.DoesNotContain("Jane", string.Join(' ', events.Select(e => e.Summary + e.Text)), StringComparison.Ordinal);
        Assert.Equal(64, finished.Hash!.Length);
        Assert.Equal("agent", events[4].Role);
        Assert.Equal("endTurn", events[5].Status);

        var live = await host.Feed.GetSessionAsync("s1", TestContext.Current.CancellationToken);
        Assert.Equal(LiveSessionStatuses.Idle, live!.Status);
        Assert.Equal("CHAT", live.Channel);
        Assert.Equal("contact-9", live.ContactId);
        Assert.Null(live.Identity); // only a *verify_identity tool or a verified caller sets it
        Assert.Equal(1, live.Turns);
    }

    [Fact]
    public async Task RunTurnAsync_WhileAToolRuns_TheTurnIsAlreadyVisibleInTheFeedAsync()
    {
        await using var host = new SupervisedTestHost();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.LookupGate = ct => release.Task.WaitAsync(ct);
        host.Model.ThenToolCalls(SupervisedTestHost.Call("lookup")).ThenText("done");

        var turn = host.TurnAsync("s-live", "check please");
        var seen = await WaitForAsync(host.Feed, "s-live", ActivityKinds.ToolCallStarted);
        var live = await host.Feed.GetSessionAsync("s-live", TestContext.Current.CancellationToken);
        release.SetResult();
        await turn;

        Assert.Contains(seen, e => e.Kind == ActivityKinds.Message && e.Role == "customer");
        Assert.Equal(LiveSessionStatuses.Running, live!.Status);
        Assert.Null(await host.Conversations.FindTurnAsync("s-live", "any", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RunTurnAsync_CallNeedsApproval_PublishesTheRequestAndAwaitingApprovalAsync()
    {
        await using var host = new SupervisedTestHost();
        host.Model.ThenToolCalls(SupervisedTestHost.Call("refund", ("amount", 250)));

        var result = await host.TurnAsync("s-apr", "refund me");
        await host.FlushAsync();

        Assert.Equal(StopReason.AwaitingApproval, result.Outcome.StopReason);
        var events = await host.Feed.ReadAsync("s-apr", 0, 100, TestContext.Current.CancellationToken);
        var requested = Assert.Single(events, e => e.Kind == ActivityKinds.ApprovalRequested);
        Assert.StartsWith("apr_", requested.Details!["requestId"], StringComparison.Ordinal);
        Assert.Equal(LiveSessionStatuses.AwaitingApproval, (await host.Feed.GetSessionAsync("s-apr", TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task RunTurnAsync_FeedStoreFails_TheTurnSucceedsAndTheEventsAreCountedAsDroppedAsync()
    {
        var broken = new BrokenFeed();
        await using var host = new SupervisedTestHost(feed: broken);
        host.Model.ThenText("hello");

        var result = await host.TurnAsync("s-broken", "hi");
        await host.FlushAsync();

        Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
        Assert.Equal("hello", result.Outcome.Text);
        Assert.True(host.Supervision.Publisher.Dropped >= 3);
        Assert.True(broken.Calls > 0);
    }

    [Fact]
    public async Task Publish_ManyEventsInOneTurn_KeepsTheBoundAndRecordsWhatWasDroppedAsync()
    {
        var store = new InMemorySupervisionStore();
        await using var publisher = new ActivityPublisher(store, new SupervisionOptions { MaxEventsPerTurn = 5, FlushInterval = TimeSpan.FromHours(1) });
        for (var i = 0; i < 20; i++)
        {
            publisher.Publish(new ActivityEvent { SessionId = "s", Kind = ActivityKinds.Message, At = DateTimeOffset.UnixEpoch, TurnId = "t" });
        }

        publisher.Publish(new ActivityEvent { SessionId = "s", Kind = ActivityKinds.TurnFinished, At = DateTimeOffset.UnixEpoch, TurnId = "t" });
        await publisher.FlushAsync(TestContext.Current.CancellationToken);

        var events = await store.ReadAsync("s", 0, 100, TestContext.Current.CancellationToken);
        Assert.Equal(7, events.Count);
        Assert.Equal(ActivityKinds.Truncated, events[5].Kind);
        Assert.Equal("15", events[5].Details!["dropped"]);
        Assert.Equal(ActivityKinds.TurnFinished, events[6].Kind);
        Assert.Equal(1, store.AppendCalls);
    }

    [Fact]
    public async Task Publish_EventsOfOneFlushWindow_AreStoredInOneWritePerSessionAsync()
    {
        var store = new InMemorySupervisionStore();
        await using var publisher = new ActivityPublisher(store, new SupervisionOptions { FlushInterval = TimeSpan.FromHours(1) });
        for (var i = 0; i < 10; i++)
        {
            publisher.Publish(new ActivityEvent { SessionId = i % 2 == 0 ? "a" : "b", Kind = ActivityKinds.Message, At = DateTimeOffset.UnixEpoch }, new LiveSessionUpdate { AddFlags = ["f" + i] });
        }

        await publisher.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, store.AppendCalls);
        Assert.Equal(2, publisher.Writes);
        Assert.Equal(5, (await store.GetSessionAsync("a", TestContext.Current.CancellationToken))!.Flags.Count);
    }

    internal static async Task<IReadOnlyList<ActivityEvent>> WaitForAsync(IActivityFeed feed, string session, string kind)
    {
        for (var i = 0; i < 1_000; i++)
        {
            var events = await feed.ReadAsync(session, 0, 500, TestContext.Current.CancellationToken);
            if (events.Any(e => e.Kind == kind))
            {
                return events;
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No {kind} event in session {session}.");
    }

    private sealed class BrokenFeed : IActivityFeed
    {
        public int Calls;

        public Task<IReadOnlyList<ActivityEvent>> AppendAsync(string sessionId, IReadOnlyList<ActivityEvent> events, LiveSessionUpdate update, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            throw new IOException("disk full");
        }

        public Task<IReadOnlyList<ActivityEvent>> ReadAsync(string sessionId, long afterSequence, int limit = 200, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<ActivityEvent>>([]);

        public Task<IReadOnlyList<LiveSession>> ListSessionsAsync(int limit = 100, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<LiveSession>>([]);

        public Task<LiveSession?> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default) => Task.FromResult<LiveSession?>(null);

        public Task<LiveSession?> FindByContactAsync(string contactId, CancellationToken cancellationToken = default) => Task.FromResult<LiveSession?>(null);
    }
}
