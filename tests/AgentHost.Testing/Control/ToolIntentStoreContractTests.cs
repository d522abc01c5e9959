using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using Xunit;

namespace AgentHost.Testing.Control;

/// <summary>The behaviour every <see cref="IToolIntentStore"/> must have; each store's test project subclasses it.</summary>
public abstract class ToolIntentStoreContractTests : IAsyncLifetime
{
    private IToolIntentStore? _store;

    protected IToolIntentStore Store => _store ?? throw new InvalidOperationException("The store was not created.");

    protected abstract Task<IToolIntentStore> CreateStoreAsync();

    protected virtual ValueTask DisposeStoreAsync(IToolIntentStore store) => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync() => _store = await CreateStoreAsync();

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await DisposeStoreAsync(_store);
        }

        GC.SuppressFinalize(this);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddTicks(7654321);

    private static ToolIntent NewIntent(string? session = null, string scope = "turn-1", int occurrence = 1) => new()
    {
        Key = new ToolIntentKey(session ?? "s-" + Guid.NewGuid().ToString("N"), scope, "cases___create_case", new string('c', 64), occurrence),
        TurnId = "turn-1",
        CallId = "call-1",
        CreatedAt = Now,
    };

    private static ToolIntentOutcome NewOutcome() => new()
    {
        Status = ToolCallStatus.Success,
        Result = """{"caseId":"C-1049","text":"ünïcødé"}""",
        ResultHash = new string('d', 64),
        DurationMs = 12.5,
        CompletedAt = Now.AddSeconds(1),
    };

    [Fact]
    public async Task BeginAsync_NewKey_CreatesTheIntentWithoutOutcomeAsync()
    {
        var intent = NewIntent();

        var begun = await Store.BeginAsync(intent, Ct);
        var read = await Store.GetAsync(intent.Key, Ct);

        Assert.True(begun.Created);
        Assert.Equal(intent, read);
        Assert.Null(read!.Outcome);
    }

    [Fact]
    public async Task BeginAsync_SameKeyAgain_ReturnsTheStoredIntentAndCreatesNothingAsync()
    {
        var intent = NewIntent();
        await Store.BeginAsync(intent, Ct);

        var again = await Store.BeginAsync(intent with { TurnId = "turn-1", CallId = "call-retry" }, Ct);

        Assert.False(again.Created);
        Assert.Equal("call-1", again.Intent.CallId);
    }

    [Fact]
    public async Task BeginAsync_OtherOccurrenceScopeOrSession_AreDifferentIntentsAsync()
    {
        var intent = NewIntent();
        await Store.BeginAsync(intent, Ct);

        Assert.True((await Store.BeginAsync(NewIntent(intent.Key.SessionId, occurrence: 2), Ct)).Created);
        Assert.True((await Store.BeginAsync(NewIntent(intent.Key.SessionId, scope: "approval:apr_1"), Ct)).Created);
        Assert.True((await Store.BeginAsync(NewIntent(), Ct)).Created);
    }

    [Fact]
    public async Task BeginAsync_ManyWritersAtOnce_ExactlyOneCreatesAsync()
    {
        var intent = NewIntent();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Store.BeginAsync(intent with { CallId = $"call-{i}" }, Ct)));

        Assert.Equal(1, results.Count(r => r.Created));
        var winner = results.Single(r => r.Created).Intent.CallId;
        Assert.All(results, r => Assert.Equal(winner, r.Intent.CallId));
    }

    [Fact]
    public async Task CompleteAsync_FirstOutcome_IsStoredAndLaterOnesAreRefusedAsync()
    {
        var intent = NewIntent();
        await Store.BeginAsync(intent, Ct);
        var outcome = NewOutcome();

        Assert.True(await Store.CompleteAsync(intent.Key, outcome, Ct));
        Assert.False(await Store.CompleteAsync(intent.Key, outcome with { Status = ToolCallStatus.Error }, Ct));
        Assert.False(await Store.CompleteAsync(NewIntent().Key, outcome, Ct));

        var read = await Store.GetAsync(intent.Key, Ct);
        Assert.Equal(outcome, read!.Outcome);
        var again = await Store.BeginAsync(intent, Ct);
        Assert.False(again.Created);
        Assert.Equal(outcome, again.Intent.Outcome);
    }

    [Fact]
    public async Task CompleteAsync_TruncatedResult_KeepsTheFlagAndNoTextAsync()
    {
        var intent = NewIntent();
        await Store.BeginAsync(intent, Ct);
        var outcome = NewOutcome() with { Result = null, ResultTruncated = true, Status = ToolCallStatus.Timeout };

        Assert.True(await Store.CompleteAsync(intent.Key, outcome, Ct));

        Assert.Equal(outcome, (await Store.GetAsync(intent.Key, Ct))!.Outcome);
    }

    [Fact]
    public async Task GetAsync_UnknownKey_ReturnsNullAsync() => Assert.Null(await Store.GetAsync(NewIntent().Key, Ct));
}
