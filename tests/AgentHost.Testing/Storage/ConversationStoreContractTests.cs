using AgentHost.Abstractions.Conversations;
using Xunit;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Testing.Storage;

/// <summary>
/// The behaviour every <see cref="IConversationStore"/> must have. Each store's test project subclasses this suite
/// and supplies a fresh, empty store per test.
/// </summary>
public abstract partial class ConversationStoreContractTests : IAsyncLifetime
{
    private IConversationStore? _store;

    protected StoreTestClock Clock { get; } = new();

    protected IConversationStore Store => _store ?? throw new InvalidOperationException("The store was not created.");

    /// <summary>Creates an empty store that takes header timestamps from <paramref name="clock"/>.</summary>
    protected abstract Task<IConversationStore> CreateStoreAsync(TimeProvider clock);

    /// <summary>Releases what <see cref="CreateStoreAsync"/> created.</summary>
    protected virtual ValueTask DisposeStoreAsync(IConversationStore store) =>
        store is IAsyncDisposable asyncDisposable ? asyncDisposable.DisposeAsync() : DisposeSync(store);

    public async ValueTask InitializeAsync() => _store = await CreateStoreAsync(Clock);

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task LoadAsync_UnknownSession_ReturnsEmptySnapshotAsync()
    {
        var snapshot = await Store.LoadAsync(NewSessionId(), 20);

        Assert.Null(snapshot.Header);
        Assert.Empty(snapshot.RecentTurns);
        Assert.Equal(1, snapshot.NextSequence);
    }

    [Fact]
    public async Task AppendTurnAsync_ThreeTurns_LoadReturnsThemOldestFirstAsync()
    {
        var session = NewSessionId();
        var turns = new[] { Turn(session, 1), Turn(session, 2), Turn(session, 3) };
        foreach (var turn in turns)
        {
            var result = await Store.AppendTurnAsync(turn);
            Assert.Equal(AppendOutcome.Appended, result.Outcome);
            AssertSameTurn(turn, result.Turn);
        }

        var snapshot = await Store.LoadAsync(session, 20);

        Assert.NotNull(snapshot.Header);
        Assert.Equal(3, snapshot.Header.TurnCount);
        Assert.Equal(4, snapshot.NextSequence);
        Assert.Equal(3, snapshot.RecentTurns.Count);
        for (var i = 0; i < turns.Length; i++)
        {
            AssertSameTurn(turns[i], snapshot.RecentTurns[i]);
        }
    }

    [Fact]
    public async Task LoadAsync_MoreTurnsThanWindow_ReturnsOnlyTheMostRecentAsync()
    {
        var session = NewSessionId();
        for (var sequence = 1; sequence <= 10; sequence++)
        {
            await Store.AppendTurnAsync(Turn(session, sequence));
        }

        var snapshot = await Store.LoadAsync(session, 3);

        Assert.Equal([8L, 9L, 10L], snapshot.RecentTurns.Select(t => t.Sequence));
        Assert.Equal(10, snapshot.Header?.TurnCount);
        Assert.Equal(11, snapshot.NextSequence);
    }

    [Fact]
    public async Task LoadAsync_ZeroMaxTurns_ReturnsHeaderWithoutTurnsAsync()
    {
        var session = NewSessionId();
        await Store.AppendTurnAsync(Turn(session, 1));

        var snapshot = await Store.LoadAsync(session, 0);

        Assert.Equal(1, snapshot.Header?.TurnCount);
        Assert.Empty(snapshot.RecentTurns);
    }

    [Fact]
    public async Task AppendTurnAsync_SameTurnIdAgain_ReturnsStoredTurnAsDuplicateAsync()
    {
        var session = NewSessionId();
        var original = Turn(session, 1, "turn-a", "first wording");
        await Store.AppendTurnAsync(original);

        var retry = Turn(session, 2, "turn-a", "second wording");
        var result = await Store.AppendTurnAsync(retry);

        Assert.Equal(AppendOutcome.Duplicate, result.Outcome);
        AssertSameTurn(original, result.Turn);
        var snapshot = await Store.LoadAsync(session, 10);
        Assert.Equal(1, snapshot.Header?.TurnCount);
        AssertSameTurn(original, Assert.Single(snapshot.RecentTurns));
    }

    [Fact]
    public async Task AppendTurnAsync_RetryAfterLaterTurns_StillReturnsDuplicateAsync()
    {
        var session = NewSessionId();
        var first = Turn(session, 1, "turn-first");
        await Store.AppendTurnAsync(first);
        await Store.AppendTurnAsync(Turn(session, 2));
        await Store.AppendTurnAsync(Turn(session, 3));

        var result = await Store.AppendTurnAsync(first with { Sequence = 4 });

        Assert.Equal(AppendOutcome.Duplicate, result.Outcome);
        AssertSameTurn(first, result.Turn);
        Assert.Equal(3, (await Store.LoadAsync(session, 10)).Header?.TurnCount);
    }

    [Fact]
    public async Task AppendTurnAsync_SequenceTaken_ThrowsConflictAsync()
    {
        var session = NewSessionId();
        var winner = Turn(session, 1, "winner");
        await Store.AppendTurnAsync(winner);

        var error = await Assert.ThrowsAsync<ConversationConflictException>(() => Store.AppendTurnAsync(Turn(session, 1, "loser")));

        Assert.Equal(session, error.SessionId);
        Assert.Equal(1, error.AttemptedSequence);
        var snapshot = await Store.LoadAsync(session, 10);
        AssertSameTurn(winner, Assert.Single(snapshot.RecentTurns));
        Assert.Null(await Store.FindTurnAsync(session, "loser"));
    }

    [Fact]
    public async Task AppendTurnAsync_SequenceLeavesGap_ThrowsConflictAsync()
    {
        var session = NewSessionId();
        await Store.AppendTurnAsync(Turn(session, 1));

        await Assert.ThrowsAsync<ConversationConflictException>(() => Store.AppendTurnAsync(Turn(session, 3)));

        Assert.Equal(1, (await Store.LoadAsync(session, 10)).Header?.TurnCount);
    }

    [Fact]
    public async Task AppendTurnAsync_FirstTurnWithSequenceTwo_ThrowsConflictAndCreatesNothingAsync()
    {
        var session = NewSessionId();

        await Assert.ThrowsAsync<ConversationConflictException>(() => Store.AppendTurnAsync(Turn(session, 2)));

        Assert.Null((await Store.LoadAsync(session, 10)).Header);
    }

    [Fact]
    public async Task FindTurnAsync_KnownAndUnknownTurnIds_ReturnsStoredTurnOrNullAsync()
    {
        var session = NewSessionId();
        var turn = Turn(session, 1, "known");
        await Store.AppendTurnAsync(turn);

        var found = await Store.FindTurnAsync(session, "known");

        Assert.NotNull(found);
        AssertSameTurn(turn, found);
        Assert.Null(await Store.FindTurnAsync(session, "unknown"));
        Assert.Null(await Store.FindTurnAsync(NewSessionId(), "known"));
    }

    [Fact]
    public async Task AppendTurnAsync_SameTurnIdInAnotherSession_IsANewTurnAsync()
    {
        var first = NewSessionId();
        var second = NewSessionId();
        await Store.AppendTurnAsync(Turn(first, 1, "shared-id"));

        var result = await Store.AppendTurnAsync(Turn(second, 1, "shared-id"));

        Assert.Equal(AppendOutcome.Appended, result.Outcome);
        Assert.Equal(second, (await Store.FindTurnAsync(second, "shared-id"))?.SessionId);
    }

    private static ValueTask DisposeSync(IConversationStore store)
    {
        (store as IDisposable)?.Dispose();
        return ValueTask.CompletedTask;
    }
}
