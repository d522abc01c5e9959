using System.Text;
using AgentHost.Abstractions.Control;
using AgentHost.Control.Audit;
using Xunit;

namespace AgentHost.Testing.Control;

/// <summary>
/// The behaviour every <see cref="IAuditStore"/> must have, and verification catching each kind of tampering. Tampering
/// needs raw access that bypasses the store's append-only rules (dropped triggers, an unconditional put): each store's
/// test project supplies it through <see cref="OverwriteRawAsync"/> and <see cref="DeleteRawAsync"/>.
/// </summary>
public abstract class AuditStoreContractTests : IAsyncLifetime
{
    private IAuditStore? _store;

    protected IAuditStore Store => _store ?? throw new InvalidOperationException("The store was not created.");

    protected abstract Task<IAuditStore> CreateStoreAsync();

    protected virtual ValueTask DisposeStoreAsync(IAuditStore store) => ValueTask.CompletedTask;

    /// <summary>Writes a record at its sequence number, replacing whatever is there, bypassing the append-only rules.</summary>
    protected abstract Task OverwriteRawAsync(AuditRecord record);

    /// <summary>Deletes a record, bypassing the append-only rules.</summary>
    protected abstract Task DeleteRawAsync(string sessionId, long sequence);

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

    private static string NewSession() => "audit-" + Guid.NewGuid().ToString("N");

    private AuditTrail Trail() => new(Store);

    private async Task<List<AuditRecord>> AppendAsync(string session, int count, AuditTrail? trail = null)
    {
        trail ??= Trail();
        var records = new List<AuditRecord>();
        for (var i = 0; i < count; i++)
        {
            records.Add(await trail.AppendAsync(
                new AuditEntry
                {
                    SessionId = session,
                    Kind = i % 2 == 0 ? AuditRecordKinds.ToolCallAttempt : AuditRecordKinds.ToolResult,
                    Actor = "agent",
                    TurnId = "turn-1",
                    ToolName = "cases___create_case",
                    CallId = $"call-{i}",
                    ArgumentsHash = new string('a', 64),
                    ResultHash = i % 2 == 1 ? new string('b', 64) : null,
                    Status = i % 2 == 1 ? "success" : null,
                    DurationMs = i % 2 == 1 ? 12.345 + i : null,
                    Summary = $"amount=1{i}, note=***(12), unicode=é",
                    Details = i == 0 ? new Dictionary<string, string> { ["rule"] = "notes", ["risk"] = "medium" } : null,
                },
                Ct));
        }

        return records;
    }

    private async Task<List<AuditRecord>> ReadAsync(string session)
    {
        var records = new List<AuditRecord>();
        await foreach (var record in Store.ReadAsync(session, 1, Ct))
        {
            records.Add(record);
        }

        return records;
    }

    private async Task<AuditBreak> BrokenAsync(string session)
    {
        var verification = await AuditVerifier.VerifyAsync(Store, session, Ct);
        Assert.False(verification.IsValid);
        return Assert.Single(verification.Breaks);
    }

    private static AuditRecord Reseal(AuditRecord record) => record with { Hash = AuditChain.ComputeHash(record) };

    private static AuditEntry Entry(string session, string kind, int i) =>
        new() { SessionId = session, Kind = kind, Actor = "agent", TurnId = "turn-1", ToolName = "crm___get_case", CallId = $"call-{i}", Summary = $"n={i}" };

    [Fact]
    public async Task AppendManyAsync_AfterEarlierRecords_ChainsThemInOrderAndTheChainVerifiesAsync()
    {
        var session = NewSession();
        var trail = Trail();
        await AppendAsync(session, 1, trail);

        var written = await trail.AppendManyAsync([Entry(session, "toolResultSanitised", 1), Entry(session, AuditRecordKinds.ToolResult, 2)], Ct);
        await trail.AppendAsync(Entry(session, AuditRecordKinds.PolicyDecision, 3), Ct);

        Assert.Equal([2L, 3L], written.Select(r => r.Sequence));
        Assert.Equal(written[0].Hash, written[1].PreviousHash);
        var stored = await ReadAsync(session);
        Assert.Equal(["toolResultSanitised", AuditRecordKinds.ToolResult, AuditRecordKinds.PolicyDecision], stored.Skip(1).Select(r => r.Kind));
        Assert.True((await AuditVerifier.VerifyAsync(Store, session, Ct)).IsValid);
    }

    [Fact]
    public async Task AppendManyAsync_AnotherWriterAppendedFirst_RetriesOnTheNewHeadAsync()
    {
        var session = NewSession();
        var mine = Trail();
        var other = Trail();
        await AppendAsync(session, 1, mine);
        await AppendAsync(session, 2, other); // the other process moved the chain; mine still caches the old head

        var written = await mine.AppendManyAsync([Entry(session, "a", 1), Entry(session, "b", 2)], Ct);

        Assert.Equal([4L, 5L], written.Select(r => r.Sequence));
        Assert.Equal(5, (await ReadAsync(session)).Count);
        Assert.True((await AuditVerifier.VerifyAsync(Store, session, Ct)).IsValid);
    }

    [Fact]
    public async Task TryAppendManyAsync_StaleHead_WritesNothingAsync()
    {
        // Every store appends several records of a session in one atomic write.
        var batch = Assert.IsAssignableFrom<IAuditBatchStore>(Store);

        var session = NewSession();
        await AppendAsync(session, 2);
        var head = (await Store.GetHeadAsync(session, Ct))!;
        var first = AuditChain.Seal(Entry(session, "a", 1), 2, DateTimeOffset.UnixEpoch, head.Hash); // sequence 2 is taken
        var second = AuditChain.Seal(Entry(session, "b", 2), 3, DateTimeOffset.UnixEpoch, first.Hash);

        Assert.False(await batch.TryAppendManyAsync([first, second], Ct));

        Assert.Equal(2, (await ReadAsync(session)).Count);
        Assert.Equal(2, (await Store.GetHeadAsync(session, Ct))!.Sequence);
    }

    [Fact]
    public async Task AppendAsync_Records_AreReadBackExactlyAndTheChainVerifiesAsync()
    {
        var session = NewSession();
        var written = await AppendAsync(session, 5);

        var read = await ReadAsync(session);
        var head = await Store.GetHeadAsync(session, Ct);
        var verification = await AuditVerifier.VerifyAsync(Store, session, Ct);

        Assert.Equal(written.Count, read.Count);
        for (var i = 0; i < written.Count; i++)
        {
            Assert.Equal(AuditExporter.ToJsonLine(written[i]), AuditExporter.ToJsonLine(read[i]));
            Assert.Equal(i + 1, read[i].Sequence);
        }

        Assert.Equal(new AuditHead(session, 5, written[^1].Hash), head);
        Assert.True(verification.IsValid, string.Join("; ", verification.Breaks.Select(b => b.Message)));
        Assert.Equal(5, verification.Records);
        Assert.Equal(AuditChain.GenesisHash, read[0].PreviousHash);
        Assert.Equal(read[0].Hash, read[1].PreviousHash);
    }

    [Fact]
    public async Task TryAppendAsync_SequenceNotNextToTheHead_IsRefusedAsync()
    {
        var session = NewSession();
        var written = await AppendAsync(session, 2);

        var replay = await Store.TryAppendAsync(written[1], Ct);
        var gap = await Store.TryAppendAsync(Reseal(written[1] with { Sequence = 4 }), Ct);

        Assert.False(replay);
        Assert.False(gap);
        Assert.Equal(2, (await ReadAsync(session)).Count);
    }

    [Fact]
    public async Task AppendAsync_TwoTrailsOnOneSessionAtOnce_ProduceOneChainWithoutGapsAsync()
    {
        var session = NewSession();
        var first = Trail();
        var second = Trail();

        await Task.WhenAll(AppendAsync(session, 6, first), AppendAsync(session, 6, second));

        var read = await ReadAsync(session);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), read.Select(r => r.Sequence));
        Assert.True((await AuditVerifier.VerifyAsync(Store, session, Ct)).IsValid);
    }

    [Fact]
    public async Task ListSessionsAsync_AfterAppends_IncludesEverySessionAsync()
    {
        var a = NewSession();
        var b = NewSession();
        await AppendAsync(a, 1);
        await AppendAsync(b, 2);

        var sessions = new List<string>();
        await foreach (var session in Store.ListSessionsAsync(Ct))
        {
            sessions.Add(session);
        }

        Assert.Contains(a, sessions);
        Assert.Contains(b, sessions);
        var all = await AuditVerifier.VerifyAsync(Store, cancellationToken: Ct);
        Assert.True(all.IsValid);
        Assert.True(all.Records >= 3);
    }

    [Fact]
    public async Task Verify_RecordEdited_NamesTheEditedRecordAsync()
    {
        var session = NewSession();
        var written = await AppendAsync(session, 5);

        await OverwriteRawAsync(written[2] with { Summary = "amount=99999" });

        var broken = await BrokenAsync(session);
        Assert.Equal(3, broken.Sequence);
        Assert.Equal(AuditBreakKind.Edited, broken.Kind);
        Assert.Contains("record 3", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RecordDeleted_NamesTheMissingRecordAsync()
    {
        var session = NewSession();
        await AppendAsync(session, 5);

        await DeleteRawAsync(session, 3);

        var broken = await BrokenAsync(session);
        Assert.Equal(3, broken.Sequence);
        Assert.Equal(AuditBreakKind.Missing, broken.Kind);
    }

    [Fact]
    public async Task Verify_RecordInsertedInTheMiddleWithRecomputedHashes_NamesTheFirstUnlinkedRecordAsync()
    {
        var session = NewSession();
        var written = await AppendAsync(session, 4);

        // A forged record 3 that links correctly to record 2; the old records 3..4 move to 4..5 with their own hashes recomputed.
        var forged = Reseal(written[2] with { Summary = "forged", PreviousHash = written[1].Hash });
        await OverwriteRawAsync(Reseal(written[3] with { Sequence = 5 }));
        await OverwriteRawAsync(Reseal(written[2] with { Sequence = 4 }));
        await OverwriteRawAsync(forged);

        var broken = await BrokenAsync(session);
        Assert.Equal(4, broken.Sequence);
        Assert.Equal(AuditBreakKind.Unlinked, broken.Kind);
    }

    [Fact]
    public async Task Verify_RecordAppendedOutsideTheTrail_IsReportedAsync()
    {
        var session = NewSession();
        var written = await AppendAsync(session, 3);

        await OverwriteRawAsync(Reseal(written[2] with { Sequence = 4, PreviousHash = written[2].Hash, Summary = "extra" }));

        var broken = await BrokenAsync(session);
        Assert.Equal(AuditBreakKind.Truncated, broken.Kind);
        Assert.Contains("beyond the head", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RecordsReordered_NamesTheFirstRecordOutOfPlaceAsync()
    {
        var session = NewSession();
        var written = await AppendAsync(session, 5);

        await OverwriteRawAsync(Reseal(written[3] with { Sequence = 3 }));
        await OverwriteRawAsync(Reseal(written[2] with { Sequence = 4 }));

        var broken = await BrokenAsync(session);
        Assert.Equal(3, broken.Sequence);
        Assert.Equal(AuditBreakKind.Unlinked, broken.Kind);
    }

    [Fact]
    public async Task Verify_LastRecordsRemoved_ReportsTheTruncationAsync()
    {
        var session = NewSession();
        await AppendAsync(session, 5);

        await DeleteRawAsync(session, 5);
        await DeleteRawAsync(session, 4);

        var broken = await BrokenAsync(session);
        Assert.Equal(AuditBreakKind.Truncated, broken.Kind);
        Assert.Equal(4, broken.Sequence);
        Assert.Contains("records 4..5 were removed", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_Session_WritesOneJsonLinePerRecordThatReadsBackAsync()
    {
        var session = NewSession();
        var written = await AppendAsync(session, 3);
        var output = new StringWriter(new StringBuilder()) { NewLine = "\n" };

        var count = await AuditExporter.ExportAsync(Store, session, output, Ct);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, count);
        Assert.Equal(3, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var record = AuditExporter.FromJsonLine(lines[i]);
            Assert.Equal(written[i].Hash, record.Hash);
            Assert.Equal(written[i].Hash, AuditChain.ComputeHash(record));
        }
    }
}
