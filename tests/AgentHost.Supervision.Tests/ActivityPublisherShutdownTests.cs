using AgentHost.Abstractions.Supervision;
using AgentHost.Supervision.Activity;
using AgentHost.Supervision.Stores;

namespace AgentHost.Supervision.Tests;

/// <summary>Stopping the publisher while it writes: what was being written is kept.</summary>
public sealed class ActivityPublisherShutdownTests
{
    [Fact]
    public async Task DisposeAsync_WhileABatchIsBeingWritten_TheBatchIsStoredNotDroppedAsync()
    {
        var store = new InMemorySupervisionStore();
        var feed = new GatedFeed(store);
        var publisher = new ActivityPublisher(feed);
        publisher.Publish(new ActivityEvent { SessionId = "s-stop", Kind = ActivityKinds.TurnStarted, At = DateTimeOffset.UnixEpoch }, urgent: true);
        await feed.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Stopping begins while the write waits (as a SQLite write waits for the writer); then the store answers.
        var disposing = publisher.DisposeAsync().AsTask();
        await Task.Delay(50, TestContext.Current.CancellationToken);
        feed.Release.SetResult();
        await disposing.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(0, publisher.Dropped);
        var stored = await store.ReadAsync("s-stop", 0, 10, TestContext.Current.CancellationToken);
        Assert.Equal(ActivityKinds.TurnStarted, Assert.Single(stored).Kind);
    }

    /// <summary>A feed whose first write waits for <see cref="Release"/>, honouring the write's cancellation token.</summary>
    private sealed class GatedFeed(InMemorySupervisionStore inner) : IActivityFeed
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<IReadOnlyList<ActivityEvent>> AppendAsync(string sessionId, IReadOnlyList<ActivityEvent> events, LiveSessionUpdate update, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return await inner.AppendAsync(sessionId, events, update, cancellationToken);
        }

        public Task<IReadOnlyList<ActivityEvent>> ReadAsync(string sessionId, long afterSequence, int limit = 200, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(sessionId, afterSequence, limit, cancellationToken);

        public Task<IReadOnlyList<LiveSession>> ListSessionsAsync(int limit = 100, CancellationToken cancellationToken = default) =>
            inner.ListSessionsAsync(limit, cancellationToken);

        public Task<LiveSession?> GetSessionAsync(string sessionId, CancellationToken cancellationToken = default) =>
            inner.GetSessionAsync(sessionId, cancellationToken);

        public Task<LiveSession?> FindByContactAsync(string contactId, CancellationToken cancellationToken = default) =>
            inner.FindByContactAsync(contactId, cancellationToken);
    }
}
