using AgentHost.Abstractions.Supervision;
using Xunit;

namespace AgentHost.Testing.Supervision;

/// <summary>The behaviour every supervision store (<see cref="IActivityFeed"/> and <see cref="IGuidanceStore"/>) must have; each store's test project subclasses it.</summary>
public abstract class SupervisionStoreContractTests : IAsyncLifetime
{
    private (IActivityFeed Feed, IGuidanceStore Guidance)? _stores;

    protected IActivityFeed Feed => _stores?.Feed ?? throw new InvalidOperationException("The store was not created.");

    protected IGuidanceStore Guidance => _stores?.Guidance ?? throw new InvalidOperationException("The store was not created.");

    /// <summary>Creates the store under test (one object may implement both interfaces).</summary>
    protected abstract Task<(IActivityFeed Feed, IGuidanceStore Guidance)> CreateStoresAsync();

    /// <summary>Opens a second instance over the same data (another process), or null when the store cannot.</summary>
    protected virtual Task<(IActivityFeed Feed, IGuidanceStore Guidance)?> OpenSecondAsync() => Task.FromResult<(IActivityFeed, IGuidanceStore)?>(null);

    protected virtual ValueTask DisposeStoresAsync() => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync() => _stores = await CreateStoresAsync();

    public async ValueTask DisposeAsync()
    {
        await DisposeStoresAsync();
        GC.SuppressFinalize(this);
    }

    private static readonly DateTimeOffset T0 = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static ActivityEvent Event(string session, string kind, int second, string? text = null) =>
        new() { SessionId = session, Kind = kind, At = T0.AddSeconds(second), TurnId = "t1", Text = text, Details = new Dictionary<string, string> { ["k"] = "v" } };

    private static string NewSession() => "s-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task AppendAsync_TwoBatches_NumbersEventsConsecutivelyAndReadsThemInOrderAsync()
    {
        var session = NewSession();
        var first = await Feed.AppendAsync(session, [Event(session, ActivityKinds.TurnStarted, 0), Event(session, ActivityKinds.Message, 1, "hello")], new LiveSessionUpdate { Status = LiveSessionStatuses.Running, TurnsStarted = 1 }, TestContext.Current.CancellationToken);
        var second = await Feed.AppendAsync(session, [Event(session, ActivityKinds.TurnFinished, 2)], new LiveSessionUpdate { Status = LiveSessionStatuses.Idle }, TestContext.Current.CancellationToken);

        Assert.Equal([1L, 2L], first.Select(e => e.Sequence));
        Assert.Equal(3, second.Single().Sequence);
        var all = await Feed.ReadAsync(session, 0, 100, TestContext.Current.CancellationToken);
        Assert.Equal([ActivityKinds.TurnStarted, ActivityKinds.Message, ActivityKinds.TurnFinished], all.Select(e => e.Kind));
        Assert.Equal("hello", all[1].Text);
        Assert.Equal("v", all[1].Details!["k"]);
        Assert.Equal(T0.AddSeconds(1), all[1].At);
        var after = await Feed.ReadAsync(session, 2, 100, TestContext.Current.CancellationToken);
        Assert.Equal(3, after.Single().Sequence);
        var limited = await Feed.ReadAsync(session, 0, 2, TestContext.Current.CancellationToken);
        Assert.Equal(2, limited.Count);
    }

    [Fact]
    public async Task AppendAsync_Updates_MergeIntoTheSessionSummaryAsync()
    {
        var session = NewSession();
        await Feed.AppendAsync(session, [Event(session, ActivityKinds.TurnStarted, 0)], new LiveSessionUpdate { Status = LiveSessionStatuses.Running, Channel = "CHAT", ContactId = "contact-1", Customer = "cu…42", AddFlags = ["a"], TurnsStarted = 1, Sentiment = "0.50" }, TestContext.Current.CancellationToken);
        await Feed.AppendAsync(session, [Event(session, ActivityKinds.TurnFinished, 5)], new LiveSessionUpdate { Status = LiveSessionStatuses.AwaitingApproval, AddFlags = ["b", "a"], Identity = "verified" }, TestContext.Current.CancellationToken);

        var live = await Feed.GetSessionAsync(session, TestContext.Current.CancellationToken);
        Assert.NotNull(live);
        Assert.Equal(LiveSessionStatuses.AwaitingApproval, live.Status);
        Assert.Equal("CHAT", live.Channel);
        Assert.Equal("contact-1", live.ContactId);
        Assert.Equal("cu…42", live.Customer);
        Assert.Equal("verified", live.Identity);
        Assert.Equal("0.50", live.Sentiment);
        Assert.Equal(["a", "b"], live.Flags.Order(StringComparer.Ordinal));
        Assert.Equal(1, live.Turns);
        Assert.Equal(2, live.LastSequence);
        Assert.Equal(T0.AddSeconds(5), live.LastActivity);
        Assert.Equal(T0, live.StartedAt);
    }

    [Fact]
    public async Task ListSessionsAsync_Sessions_ReturnsMostRecentlyActiveFirstAndFindsByContactAsync()
    {
        var older = NewSession();
        var newer = NewSession();
        var contact = "contact-" + Guid.NewGuid().ToString("N");
        await Feed.AppendAsync(older, [Event(older, ActivityKinds.TurnStarted, 10_000)], new LiveSessionUpdate { ContactId = contact }, TestContext.Current.CancellationToken);
        await Feed.AppendAsync(newer, [Event(newer, ActivityKinds.TurnStarted, 20_000)], new LiveSessionUpdate(), TestContext.Current.CancellationToken);

        var list = await Feed.ListSessionsAsync(100, TestContext.Current.CancellationToken);
        var ids = list.Select(s => s.SessionId).ToList();
        Assert.True(ids.IndexOf(newer) < ids.IndexOf(older));
        Assert.Equal(older, (await Feed.FindByContactAsync(contact, TestContext.Current.CancellationToken))?.SessionId);
        Assert.Null(await Feed.FindByContactAsync("no-such-contact", TestContext.Current.CancellationToken));
        Assert.Null(await Feed.GetSessionAsync("no-such-session", TestContext.Current.CancellationToken));
        Assert.Empty(await Feed.ReadAsync("no-such-session", 0, 10, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GuidanceAsync_AddedThenConsumed_IsPendingOnceAndListedWithItsTurnAsync()
    {
        var session = NewSession();
        var first = NewGuidance(session, "Offer the loyalty discount.", 0);
        var second = NewGuidance(session, "Do not mention the outage.", 1);
        await Guidance.AddAsync(first, TestContext.Current.CancellationToken);
        await Guidance.AddAsync(second, TestContext.Current.CancellationToken);

        var pending = await Guidance.GetPendingAsync(session, TestContext.Current.CancellationToken);
        Assert.Equal([first.Id, second.Id], pending.Select(g => g.Id));
        Assert.Equal("Offer the loyalty discount.", pending[0].Text);
        Assert.Equal("alice", pending[0].Author);

        Assert.True(await Guidance.TryConsumeAsync(session, first.Id, "turn-7", T0.AddMinutes(1), TestContext.Current.CancellationToken));
        Assert.False(await Guidance.TryConsumeAsync(session, first.Id, "turn-8", T0.AddMinutes(2), TestContext.Current.CancellationToken));
        Assert.False(await Guidance.TryConsumeAsync(session, "gd_unknown", "turn-8", T0, TestContext.Current.CancellationToken));
        Assert.False(await Guidance.TryConsumeAsync("other-session", second.Id, "turn-8", T0, TestContext.Current.CancellationToken));

        Assert.Equal([second.Id], (await Guidance.GetPendingAsync(session, TestContext.Current.CancellationToken)).Select(g => g.Id));
        var all = await Guidance.ListAsync(session, TestContext.Current.CancellationToken);
        Assert.Equal(2, all.Count);
        Assert.Equal("turn-7", all[0].ConsumedByTurn);
        Assert.Equal(T0.AddMinutes(1), all[0].ConsumedAt);
        Assert.True(all[1].IsPending);
        Assert.Empty(await Guidance.GetPendingAsync("other-session", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TryConsumeAsync_ManyConcurrentConsumers_ExactlyOneWinsAsync()
    {
        var session = NewSession();
        var guidance = NewGuidance(session, "Escalate if the customer asks again.", 0);
        await Guidance.AddAsync(guidance, TestContext.Current.CancellationToken);
        var second = await OpenSecondAsync();
        var stores = second is { } other ? new[] { Guidance, other.Guidance } : [Guidance];

        var attempts = Enumerable.Range(0, 8).Select(i => Task.Run(() => stores[i % stores.Length].TryConsumeAsync(session, guidance.Id, "turn-" + i, T0, TestContext.Current.CancellationToken))).ToArray();
        var results = await Task.WhenAll(attempts);

        Assert.Equal(1, results.Count(r => r));
        var stored = (await Guidance.ListAsync(session, TestContext.Current.CancellationToken)).Single();
        Assert.Equal("turn-" + Array.IndexOf(results, true), stored.ConsumedByTurn);
    }

    [Fact]
    public async Task AppendAsync_ConcurrentBatchesOfOneSession_KeepSequencesUniqueAsync()
    {
        var session = NewSession();
        var second = await OpenSecondAsync();
        var feeds = second is { } other ? new[] { Feed, other.Feed } : [Feed];
        var writes = Enumerable.Range(0, 10).Select(i => Task.Run(() => feeds[i % feeds.Length].AppendAsync(session, [Event(session, ActivityKinds.Message, i), Event(session, ActivityKinds.Message, i)], new LiveSessionUpdate { TurnsStarted = 1 }, TestContext.Current.CancellationToken))).ToArray();
        await Task.WhenAll(writes);

        var all = await Feed.ReadAsync(session, 0, 100, TestContext.Current.CancellationToken);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), all.Select(e => e.Sequence));
        var live = await Feed.GetSessionAsync(session, TestContext.Current.CancellationToken);
        Assert.Equal(10, live!.Turns);
        Assert.Equal(20, live.LastSequence);
    }

    private static SupervisorGuidance NewGuidance(string session, string text, int second) =>
        new() { Id = "gd_" + Guid.NewGuid().ToString("N"), SessionId = session, Text = text, Author = "alice", CreatedAt = T0.AddSeconds(second) };
}
