using AgentHost.Abstractions.Conversations;
using Xunit;
using static AgentHost.Testing.Storage.StoreTestData;

namespace AgentHost.Testing.Storage;

/// <summary>Session headers: metadata, listing, deletion.</summary>
public abstract partial class ConversationStoreContractTests
{
    [Fact]
    public async Task AppendTurnAsync_FirstTurnWithMetadata_StoresHeaderAsync()
    {
        var session = NewSessionId();
        var createdAt = Clock.GetUtcNow();
        var metadata = new SessionMetadata
        {
            Channel = "VOICE",
            ContactId = "contact-1",
            CustomerId = "cust-9",
            Attributes = new Dictionary<string, string> { ["queue"] = "billing" },
        };

        await Store.AppendTurnAsync(Turn(session, 1), metadata);
        Clock.Advance(TimeSpan.FromSeconds(5));
        await Store.AppendTurnAsync(Turn(session, 2), new SessionMetadata { CustomerId = "cust-10" });

        var header = (await Store.LoadAsync(session, 1)).Header;
        Assert.NotNull(header);
        Assert.Equal(session, header.SessionId);
        Assert.Equal(createdAt, header.CreatedAt);
        Assert.Equal(createdAt.AddSeconds(5), header.UpdatedAt);
        Assert.Equal(2, header.TurnCount);
        Assert.Equal("VOICE", header.Metadata.Channel);
        Assert.Equal("contact-1", header.Metadata.ContactId);
        Assert.Equal("cust-10", header.Metadata.CustomerId);
        Assert.Equal(SessionStatuses.Active, header.Metadata.Status);
        Assert.Equal("billing", header.Metadata.Attributes?["queue"]);
    }

    [Fact]
    public async Task UpdateMetadataAsync_ExistingSession_MergesAndTouchesHeaderAsync()
    {
        var session = NewSessionId();
        await Store.AppendTurnAsync(Turn(session, 1), new SessionMetadata { Channel = "CHAT", Attributes = new Dictionary<string, string> { ["a"] = "1" } });
        Clock.Advance(TimeSpan.FromMinutes(1));

        var updated = await Store.UpdateMetadataAsync(session, new SessionMetadata { Status = SessionStatuses.Escalated, Attributes = new Dictionary<string, string> { ["b"] = "2" } });

        Assert.True(updated);
        var header = (await Store.LoadAsync(session, 0)).Header;
        Assert.NotNull(header);
        Assert.Equal("CHAT", header.Metadata.Channel);
        Assert.Equal(SessionStatuses.Escalated, header.Metadata.Status);
        Assert.Equal("1", header.Metadata.Attributes?["a"]);
        Assert.Equal("2", header.Metadata.Attributes?["b"]);
        Assert.Equal(Clock.GetUtcNow(), header.UpdatedAt);
        Assert.Equal(1, header.TurnCount);
        var escalated = await Store.ListSessionsAsync(new SessionListQuery { Status = SessionStatuses.Escalated });
        Assert.Equal(session, Assert.Single(escalated).SessionId);
    }

    [Fact]
    public async Task UpdateMetadataAsync_UnknownSession_ReturnsFalseAndCreatesNothingAsync()
    {
        var session = NewSessionId();

        Assert.False(await Store.UpdateMetadataAsync(session, new SessionMetadata { Status = SessionStatuses.Closed }));

        Assert.Null((await Store.LoadAsync(session, 1)).Header);
    }

    [Fact]
    public async Task ListSessionsAsync_SeveralSessions_ReturnsMostRecentlyUpdatedFirstAsync()
    {
        var sessions = Enumerable.Range(0, 4).Select(_ => NewSessionId()).ToList();
        foreach (var session in sessions)
        {
            await Store.AppendTurnAsync(Turn(session, 1));
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await Store.AppendTurnAsync(Turn(sessions[1], 2));

        var listed = await Store.ListSessionsAsync(new SessionListQuery());

        Assert.Equal([sessions[1], sessions[3], sessions[2], sessions[0]], listed.Select(h => h.SessionId));
        Assert.Equal(2, listed[0].TurnCount);
    }

    [Fact]
    public async Task ListSessionsAsync_LimitStatusAndUpdatedSince_FilterTheListAsync()
    {
        var sessions = Enumerable.Range(0, 5).Select(_ => NewSessionId()).ToList();
        foreach (var session in sessions)
        {
            await Store.AppendTurnAsync(Turn(session, 1));
            Clock.Advance(TimeSpan.FromSeconds(10));
        }

        await Store.UpdateMetadataAsync(sessions[0], new SessionMetadata { Status = SessionStatuses.Closed });
        var since = Clock.GetUtcNow().AddSeconds(-25);

        var limited = await Store.ListSessionsAsync(new SessionListQuery { Limit = 2 });
        var active = await Store.ListSessionsAsync(new SessionListQuery { Status = SessionStatuses.Active });
        var closed = await Store.ListSessionsAsync(new SessionListQuery { Status = SessionStatuses.Closed });
        var recent = await Store.ListSessionsAsync(new SessionListQuery { Status = SessionStatuses.Active, UpdatedSince = since });

        Assert.Equal([sessions[0], sessions[4]], limited.Select(h => h.SessionId));
        Assert.Equal([sessions[4], sessions[3], sessions[2], sessions[1]], active.Select(h => h.SessionId));
        Assert.Equal(sessions[0], Assert.Single(closed).SessionId);
        Assert.Equal([sessions[4], sessions[3]], recent.Select(h => h.SessionId));
    }

    [Fact]
    public async Task DeleteSessionAsync_ExistingSession_RemovesHeaderAndTurnsAsync()
    {
        var session = NewSessionId();
        var other = NewSessionId();
        await Store.AppendTurnAsync(Turn(session, 1, "t1"));
        await Store.AppendTurnAsync(Turn(session, 2));
        await Store.AppendTurnAsync(Turn(other, 1));

        Assert.True(await Store.DeleteSessionAsync(session));

        Assert.Null((await Store.LoadAsync(session, 10)).Header);
        Assert.Empty(await ReadAllAsync(Store, session));
        Assert.Null(await Store.FindTurnAsync(session, "t1"));
        Assert.DoesNotContain(session, (await Store.ListSessionsAsync(new SessionListQuery())).Select(h => h.SessionId));
        Assert.Single(await ReadAllAsync(Store, other));
        Assert.Equal(AppendOutcome.Appended, (await Store.AppendTurnAsync(Turn(session, 1, "t1"))).Outcome);
    }

    [Fact]
    public async Task DeleteSessionAsync_UnknownSession_ReturnsFalseAsync()
    {
        Assert.False(await Store.DeleteSessionAsync(NewSessionId()));
    }
}
