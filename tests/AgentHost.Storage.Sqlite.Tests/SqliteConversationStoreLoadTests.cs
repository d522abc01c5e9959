using AgentHost.Abstractions.Conversations;
using Microsoft.Data.Sqlite;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Storage.Sqlite.Tests;

/// <summary>
/// A load is one statement (the header joined with the newest turns): every window size, a header without turns, and
/// the statement's plan (an index walk, no sorting or temporary table).
/// </summary>
public sealed class SqliteConversationStoreLoadTests : IDisposable
{
    private readonly TestDatabase _database = new();

    [Theory]
    [InlineData(0, new long[0])]
    [InlineData(1, new long[] { 7 })]
    [InlineData(3, new long[] { 5, 6, 7 })]
    [InlineData(7, new long[] { 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData(8, new long[] { 1, 2, 3, 4, 5, 6, 7 })]
    [InlineData(int.MaxValue, new long[] { 1, 2, 3, 4, 5, 6, 7 })]
    public async Task LoadAsync_SevenTurns_ReturnsTheHeaderAndTheNewestTurnsOldestFirstAsync(int maxTurns, long[] expected)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStore();
        var session = NewSessionId();
        var turns = Enumerable.Range(1, 7).Select(sequence => Turn(session, sequence)).ToList();
        foreach (var turn in turns)
        {
            await store.AppendTurnAsync(turn, new SessionMetadata { Channel = "CLI" }, cancellationToken);
        }

        var snapshot = await store.LoadAsync(session, maxTurns, cancellationToken);

        Assert.Equal(7, snapshot.Header?.TurnCount);
        Assert.Equal("CLI", snapshot.Header?.Metadata.Channel);
        Assert.Equal(expected, snapshot.RecentTurns.Select(t => t.Sequence));
        foreach (var loaded in snapshot.RecentTurns)
        {
            AssertSameTurn(turns[(int)loaded.Sequence - 1], loaded);
        }
    }

    [Fact]
    public async Task LoadAsync_HeaderWhoseTurnsAreGone_ReturnsTheHeaderWithoutTurnsAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStore();
        var session = NewSessionId();
        await store.AppendTurnAsync(Turn(session, 1), cancellationToken: cancellationToken);
        await store.AppendTurnAsync(Turn(session, 2), cancellationToken: cancellationToken);
        await using (var other = _database.OpenRawConnection())
        await using (var delete = other.CreateCommand())
        {
            delete.CommandText = "DELETE FROM turns WHERE session_id = $session";
            delete.Parameters.AddWithValue("$session", session);
            Assert.Equal(2, await delete.ExecuteNonQueryAsync(cancellationToken));
        }

        var snapshot = await store.LoadAsync(session, 10, cancellationToken);

        Assert.Equal(session, snapshot.Header?.SessionId);
        Assert.Equal(2, snapshot.Header?.TurnCount);
        Assert.Empty(snapshot.RecentTurns);
    }

    [Fact]
    public async Task LoadAsync_OtherSessionsHaveTurns_ReturnsOnlyThisSessionsTurnsAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var store = _database.OpenStore();
        var before = NewSessionId();
        var session = NewSessionId();
        var after = NewSessionId();
        foreach (var other in new[] { before, after })
        {
            await store.AppendTurnAsync(Turn(other, 1), cancellationToken: cancellationToken);
            await store.AppendTurnAsync(Turn(other, 2), cancellationToken: cancellationToken);
        }

        await store.AppendTurnAsync(Turn(session, 1), cancellationToken: cancellationToken);

        var snapshot = await store.LoadAsync(session, 10, cancellationToken);

        Assert.Equal(session, Assert.Single(snapshot.RecentTurns).SessionId);
    }

    [Fact]
    public async Task SelectHeaderAndRecentTurns_Plan_WalksBothPrimaryKeysWithoutSortingOrATemporaryTableAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using (var store = _database.OpenStore())
        {
            await store.AppendTurnAsync(Turn(NewSessionId(), 1), cancellationToken: cancellationToken);
        }

        await using var connection = _database.OpenRawConnection();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + SqliteStatements.SelectHeaderAndRecentTurns.Sql;
        explain.Parameters.AddWithValue("$session", "any");
        explain.Parameters.AddWithValue("$limit", 20);
        var steps = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                steps.Add(reader.GetString(3));
            }
        }

        Assert.Collection(
            steps,
            step => Assert.StartsWith("SEARCH s USING PRIMARY KEY (session_id=?)", step, StringComparison.Ordinal),
            step => Assert.StartsWith("SEARCH t USING PRIMARY KEY (session_id=?)", step, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _database.Dispose();
    }
}
