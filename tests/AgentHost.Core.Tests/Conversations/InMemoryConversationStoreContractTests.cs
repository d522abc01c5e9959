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
    public async Task AppendTurnAsync_MoreSessionsThanTheBound_EvictsTheLeastRecentlyUpdated()
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
}
