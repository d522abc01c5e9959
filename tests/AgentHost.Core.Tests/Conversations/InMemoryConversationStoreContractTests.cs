using AgentHost.Abstractions.Conversations;
using AgentHost.Core.Conversations;
using AgentHost.Testing.Storage;

namespace AgentHost.Core.Tests.Conversations;

/// <summary>The conversation-store contract, run against the in-memory store.</summary>
public sealed class InMemoryConversationStoreContractTests : ConversationStoreContractTests
{
    protected override Task<IConversationStore> CreateStoreAsync(TimeProvider clock) =>
        Task.FromResult<IConversationStore>(new InMemoryConversationStore(clock));

    [Fact]
    public async Task AppendTurnAsync_MoreSessionsThanTheBound_EvictsTheLeastRecentlyUpdatedAsync()
    {
        var store = new InMemoryConversationStore(Clock, maxSessions: 2);
        foreach (var session in new[] { "a", "b", "c" })
        {
            await store.AppendTurnAsync(StoreTestData.Turn(session, 1), cancellationToken: TestContext.Current.CancellationToken);
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Null((await store.LoadAsync("a", 5, TestContext.Current.CancellationToken)).Header);
        Assert.NotNull((await store.LoadAsync("c", 5, TestContext.Current.CancellationToken)).Header);
    }

    [Fact]
    public async Task AppendTurnAsync_WhenFull_EvictsBySessionUpdateIncludingMetadataChangesAsync()
    {
        var store = new InMemoryConversationStore(Clock, maxSessions: 2);
        var token = TestContext.Current.CancellationToken;
        await store.AppendTurnAsync(StoreTestData.Turn("a", 1), cancellationToken: token);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await store.AppendTurnAsync(StoreTestData.Turn("b", 1), cancellationToken: token);
        Clock.Advance(TimeSpan.FromSeconds(1));
        await store.UpdateMetadataAsync("a", new SessionMetadata { Status = SessionStatuses.Escalated }, token);
        Clock.Advance(TimeSpan.FromSeconds(1));

        await store.AppendTurnAsync(StoreTestData.Turn("c", 1), cancellationToken: token);

        Assert.NotNull((await store.LoadAsync("a", 5, token)).Header);
        Assert.Null((await store.LoadAsync("b", 5, token)).Header);
        Assert.NotNull((await store.LoadAsync("c", 5, token)).Header);
    }

    [Fact]
    public async Task DeleteSessionAsync_ThenFillingTheStore_EvictsOnlyLiveSessionsAsync()
    {
        var store = new InMemoryConversationStore(Clock, maxSessions: 2);
        var token = TestContext.Current.CancellationToken;
        await store.AppendTurnAsync(StoreTestData.Turn("a", 1), cancellationToken: token);
        await store.AppendTurnAsync(StoreTestData.Turn("b", 1), cancellationToken: token);
        Assert.True(await store.DeleteSessionAsync("a", token));

        await store.AppendTurnAsync(StoreTestData.Turn("c", 1), cancellationToken: token);

        Assert.NotNull((await store.LoadAsync("b", 5, token)).Header);
        Assert.NotNull((await store.LoadAsync("c", 5, token)).Header);
    }

    [Fact]
    public async Task StoredHistory_CallerChangesItsMessagesAfterwards_IsNotChangedAsync()
    {
        var store = new InMemoryConversationStore(Clock);
        var token = TestContext.Current.CancellationToken;
        var turn = StoreTestData.Turn("a", 1);
        await store.AppendTurnAsync(turn, cancellationToken: token);
        var original = turn.Messages[0].Text;

        turn.Messages[0].Contents.Clear();
        var loaded = await store.LoadAsync("a", 5, token);
        loaded.RecentTurns[0].Messages[0].Contents.Clear();

        Assert.Equal(original, (await store.LoadAsync("a", 5, token)).RecentTurns[0].Messages[0].Text);
        Assert.NotEmpty(original);
    }
}
