using AgentHost.Abstractions.Supervision;
using AgentHost.Supervision.Stores;

namespace AgentHost.Supervision.Tests;

/// <summary>The in-memory feed keeps a bounded number of sessions.</summary>
public sealed class InMemorySupervisionStoreBoundTests
{
    [Fact]
    public async Task AppendAsync_MoreSessionsThanItsBound_ForgetsTheLeastRecentlyActiveSessionAsync()
    {
        var store = new InMemorySupervisionStore(maxSessions: 2);
        var at = DateTimeOffset.UnixEpoch;
        foreach (var session in new[] { "s1", "s2", "s1", "s3" })
        {
            await store.AppendAsync(session, [new ActivityEvent { SessionId = session, Kind = ActivityKinds.TurnStarted, At = at }], new LiveSessionUpdate(), TestContext.Current.CancellationToken);
        }

        Assert.Null(await store.GetSessionAsync("s2", TestContext.Current.CancellationToken));
        Assert.Empty(await store.ReadAsync("s2", 0, 10, TestContext.Current.CancellationToken));
        Assert.Equal(2, (await store.ReadAsync("s1", 0, 10, TestContext.Current.CancellationToken)).Count);
        Assert.Equal(["s1", "s3"], (await store.ListSessionsAsync(10, TestContext.Current.CancellationToken)).Select(s => s.SessionId).Order());
    }
}
