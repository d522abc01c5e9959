using System.Text.Json;
using AgentHost.Abstractions.Control;
using Xunit;

namespace AgentHost.Testing.Control;

/// <summary>The behaviour every <see cref="IApprovalStore"/> must have; each store's test project subclasses it.</summary>
public abstract class ApprovalStoreContractTests : IAsyncLifetime
{
    private IApprovalStore? _store;

    protected IApprovalStore Store => _store ?? throw new InvalidOperationException("The store was not created.");

    protected abstract Task<IApprovalStore> CreateStoreAsync();

    protected virtual ValueTask DisposeStoreAsync(IApprovalStore store) => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync() => _store = await CreateStoreAsync();

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>A request with every member set.</summary>
    public static ApprovalRequest NewRequest(string? session = null, DateTimeOffset? createdAt = null)
    {
        var now = createdAt ?? DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddTicks(1234567);
        return new ApprovalRequest
        {
            Id = "apr_" + Guid.NewGuid().ToString("N"),
            SessionId = session ?? "s-" + Guid.NewGuid().ToString("N"),
            TurnId = "turn-1",
            CallId = "call-1",
            ToolName = "accounts___refund",
            Arguments = JsonDocument.Parse("""{"amount":2500,"currency":"EUR","note":"Grüße \"x\""}""").RootElement.Clone(),
            ArgumentsHash = new string('b', 64),
            RuleId = "refunds",
            Risk = RiskLevel.High,
            Mode = ApprovalMode.Committee,
            Requester = new ApprovalRequester { Subject = "cust-1", Profile = "retail", Source = "jwt", Verified = true },
            Channel = "CHAT",
            Reason = "Refunds need approval.",
            CreatedAt = now,
            ExpiresAt = now.AddHours(4),
        };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateAsync_NewRequest_StoresEveryMemberAtVersion1Async()
    {
        var request = NewRequest();

        var created = await Store.CreateAsync(request, Ct);
        var read = await Store.GetAsync(request.Id, Ct);

        Assert.NotNull(read);
        AssertSame(request, read);
        AssertSame(request, created);
        Assert.Equal(1, read.Version);
    }

    [Fact]
    public async Task CreateAsync_SameIdTwice_ReturnsTheFirstRequestAsync()
    {
        var request = NewRequest();
        await Store.CreateAsync(request, Ct);

        var again = await Store.CreateAsync(request with { TurnId = "turn-retry", CallId = "call-other" }, Ct);

        Assert.Equal("turn-1", again.TurnId);
        Assert.Equal("call-1", again.CallId);
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNullAsync() => Assert.Null(await Store.GetAsync("apr_unknown", Ct));

    [Fact]
    public async Task TryReplaceAsync_NextVersion_IsWrittenAndOtherVersionsAreRefusedAsync()
    {
        var request = await Store.CreateAsync(NewRequest(), Ct);
        var vote = new ApprovalVote { Approver = "alice", Verdict = ApprovalVerdict.Approve, Comment = "ok", DecidedAt = request.CreatedAt.AddMinutes(5) };
        var approved = request with { Status = ApprovalStatus.Approved, Votes = [vote], Version = 2 };

        Assert.False(await Store.TryReplaceAsync(approved with { Version = 3 }, Ct));
        Assert.False(await Store.TryReplaceAsync(approved with { Version = 1 }, Ct));
        Assert.True(await Store.TryReplaceAsync(approved, Ct));
        Assert.False(await Store.TryReplaceAsync(approved, Ct));
        Assert.False(await Store.TryReplaceAsync(NewRequest() with { Version = 2 }, Ct));

        var read = await Store.GetAsync(request.Id, Ct);
        Assert.NotNull(read);
        AssertSame(approved, read);
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task TryReplaceAsync_ManyWritersOfTheSameVersion_ExactlyOneWinsAsync()
    {
        var request = await Store.CreateAsync(NewRequest(), Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Store.TryReplaceAsync(
            request with { Status = ApprovalStatus.Executing, ClaimedBy = $"turn-{i}", ClaimedAt = request.CreatedAt, Version = 2 }, Ct)));

        Assert.Equal(1, results.Count(r => r));
        var read = await Store.GetAsync(request.Id, Ct);
        Assert.Equal(ApprovalStatus.Executing, read!.Status);
        Assert.Equal($"turn-{Array.IndexOf(results, true)}", read.ClaimedBy);
    }

    [Fact]
    public async Task ListAsync_FiltersByStatusAndSession_NewestFirstWithinTheLimitAsync()
    {
        var session = "s-" + Guid.NewGuid().ToString("N");
        var start = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var requests = Enumerable.Range(0, 4).Select(i => NewRequest(session, start.AddMinutes(i))).ToArray();
        foreach (var request in requests)
        {
            await Store.CreateAsync(request, Ct);
        }

        await Store.CreateAsync(NewRequest(createdAt: start.AddMinutes(10)), Ct);
        Assert.True(await Store.TryReplaceAsync(requests[1] with { Status = ApprovalStatus.Rejected, Version = 2 }, Ct));

        var all = await Store.ListAsync(new ApprovalQuery { SessionId = session }, Ct);
        var pending = await Store.ListAsync(new ApprovalQuery { SessionId = session, Status = ApprovalStatus.Pending }, Ct);
        var two = await Store.ListAsync(new ApprovalQuery { SessionId = session, Limit = 2 }, Ct);
        var rejected = await Store.ListAsync(new ApprovalQuery { Status = ApprovalStatus.Rejected }, Ct);

        Assert.Equal([requests[3].Id, requests[2].Id, requests[1].Id, requests[0].Id], all.Select(r => r.Id));
        Assert.Equal([requests[3].Id, requests[2].Id, requests[0].Id], pending.Select(r => r.Id));
        Assert.Equal([requests[3].Id, requests[2].Id], two.Select(r => r.Id));
        Assert.Contains(rejected, r => r.Id == requests[1].Id);
        Assert.All(rejected, r => Assert.Equal(ApprovalStatus.Rejected, r.Status));
    }

    private static void AssertSame(ApprovalRequest expected, ApprovalRequest actual)
    {
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.SessionId, actual.SessionId);
        Assert.Equal(expected.TurnId, actual.TurnId);
        Assert.Equal(expected.CallId, actual.CallId);
        Assert.Equal(expected.ToolName, actual.ToolName);
        Assert.Equal(AgentHost.Control.Hashing.ControlHashes.Arguments(expected.Arguments), AgentHost.Control.Hashing.ControlHashes.Arguments(actual.Arguments));
        Assert.Equal(expected.Arguments.GetProperty("note").GetString(), actual.Arguments.GetProperty("note").GetString());
        Assert.Equal(expected.ArgumentsHash, actual.ArgumentsHash);
        Assert.Equal(expected.RuleId, actual.RuleId);
        Assert.Equal(expected.Risk, actual.Risk);
        Assert.Equal(expected.Mode, actual.Mode);
        Assert.Equal(expected.Requester, actual.Requester);
        Assert.Equal(expected.Channel, actual.Channel);
        Assert.Equal(expected.Reason, actual.Reason);
        Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Assert.Equal(expected.ExpiresAt, actual.ExpiresAt);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Votes, actual.Votes);
        Assert.Equal(expected.ClaimedBy, actual.ClaimedBy);
        Assert.Equal(expected.ClaimedAt, actual.ClaimedAt);
        Assert.Equal(expected.ClosedAt, actual.ClosedAt);
    }
}
