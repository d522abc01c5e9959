using AgentHost.Abstractions.Control;
using AgentHost.Control.Audit;
using AgentHost.Control.Stores;

namespace AgentHost.Control.Tests.Stores;

/// <summary>The in-memory control stores keep a bounded number of sessions, like the in-memory conversation store.</summary>
public sealed class InMemoryStoreBoundTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AuditStore_MoreSessionsThanItsBound_ForgetsTheLeastRecentlyAppendedChainAsync()
    {
        var store = new InMemoryAuditStore(maxSessions: 2);
        var trail = new AuditTrail(store);
        foreach (var session in new[] { "s1", "s2", "s1", "s3" })
        {
            await trail.AppendAsync(new AuditEntry { SessionId = session, Kind = "k", Actor = "a" }, Ct);
        }

        Assert.Null(await store.GetHeadAsync("s2", Ct));
        Assert.Equal(2, (await store.GetHeadAsync("s1", Ct))!.Sequence);
        Assert.Equal(1, (await store.GetHeadAsync("s3", Ct))!.Sequence);
        Assert.True((await AuditVerifier.VerifyAsync(store, null, Ct)).IsValid);
    }

    [Fact]
    public async Task AuditStore_ForgottenSessionContinues_StartsANewChainThatVerifiesAsync()
    {
        var store = new InMemoryAuditStore(maxSessions: 1);
        var trail = new AuditTrail(store);
        await trail.AppendAsync(new AuditEntry { SessionId = "s1", Kind = "k", Actor = "a" }, Ct);
        await trail.AppendAsync(new AuditEntry { SessionId = "s2", Kind = "k", Actor = "a" }, Ct);

        var record = await trail.AppendAsync(new AuditEntry { SessionId = "s1", Kind = "k", Actor = "a" }, Ct);

        Assert.Equal(1, record.Sequence);
        Assert.True((await AuditVerifier.VerifyAsync(store, "s1", Ct)).IsValid);
    }

    [Fact]
    public async Task IntentStore_MoreSessionsThanItsBound_ForgetsTheLeastRecentlyUsedSessionAsync()
    {
        var store = new InMemoryToolIntentStore(maxSessions: 2);
        ToolIntentKey Key(string session) => new(session, "turn-1", "refund", new string('a', 64), 1);
        ToolIntent Intent(string session) => new() { Key = Key(session), TurnId = "turn-1", CallId = "c1", CreatedAt = DateTimeOffset.UnixEpoch };

        await store.BeginAsync(Intent("s1"), Ct);
        await store.BeginAsync(Intent("s2"), Ct);
        await store.BeginAsync(Intent("s3"), Ct);

        Assert.Null(await store.GetAsync(Key("s1"), Ct));
        Assert.NotNull(await store.GetAsync(Key("s2"), Ct));
        Assert.NotNull(await store.GetAsync(Key("s3"), Ct));
        Assert.False((await store.BeginAsync(Intent("s3"), Ct)).Created);
    }
}
