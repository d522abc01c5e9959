using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using AgentHost.Control.Middleware;
using AgentHost.Control.Stores;
using AgentHost.Testing.Control;
using AgentHost.Testing.Models;
using AgentHost.Testing.Time;

namespace AgentHost.Control.Tests.Middleware;

/// <summary>Every failure on the control path refuses the call; nothing runs from an error path (Strands #4371).</summary>
public sealed class FailClosedTests
{
    private readonly ManualTimeProvider _clock = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ControlLayer_AuditStoreDown_RunsNoToolAndDeniesTheCallAsync()
    {
        var audit = new FlakyAuditStore { Failing = true };
        var host = new ControlTestHost(new ControlStores(new InMemoryApprovalStore(), new InMemoryToolIntentStore(), audit), _clock);
        host.Model.ThenToolCalls(Responses.Call("c1", "add_note", ("text", "x")), Responses.Call("c2", "lookup")).ThenText("Sorry.");

        var result = await host.TurnAsync("s-audit-down", "note and lookup");

        Assert.Equal(0, host.NoteRuns);
        Assert.Equal(0, host.LookupRuns);
        Assert.All(result.Outcome.ToolCalls, call => Assert.Equal(ToolCallStatus.Denied, call.Status));
    }

    [Fact]
    public async Task ControlLayer_AuditFailsAfterTheToolRan_TellsTheModelNotToRetryAndFlagsTheCallAsync()
    {
        var audit = new FlakyAuditStore();
        var host = new ControlTestHost(new ControlStores(new InMemoryApprovalStore(), new InMemoryToolIntentStore(), audit), _clock);
        host.Model.ThenToolCalls(Responses.Call("c1", "add_note", ("text", "x"))).ThenText("ok");
        audit.FailAfterAppends = 1; // the policy decision (the attempt record) succeeds; the result record fails

        var result = await host.TurnAsync("s-audit-late", "note");

        Assert.Equal(1, host.NoteRuns);
        var record = Assert.Single(result.Outcome.ToolCalls);
        Assert.Equal(ToolCallStatus.Error, record.Status);
        Assert.Contains(AuditToolCallMiddleware.AuditFailedFlag, record.Flags!);
        Assert.Contains("Do not retry", record.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlLayer_ApprovalStoreFailsWhenTheApprovedCallResumes_DeniesTheCallNeverRunAsync()
    {
        var approvals = new FlakyApprovalStore(new InMemoryApprovalStore());
        var host = new ControlTestHost(new ControlStores(approvals, new InMemoryToolIntentStore(), new InMemoryAuditStore()), _clock);
        host.Model.Then(_ => ControlTestHost.RefundCall(250)).ThenText("Sorry, I could not check it.");
        await host.TurnAsync("s-approval-down", "Refund 250");
        var request = Assert.Single(await host.Layer.Approvals.ListAsync(new ApprovalQuery(), Ct));
        await host.Layer.Approvals.DecideAsync(new ApprovalDecision { RequestId = request.Id, ArgumentsHash = request.ArgumentsHash, Approver = "alice", Verdict = ApprovalVerdict.Approve }, Ct);

        approvals.FailReplaces = 1;
        var result = await host.TurnAsync("s-approval-down", "Done?");

        Assert.Equal(0, host.RefundRuns);
        Assert.Equal(ToolCallStatus.Denied, Assert.Single(result.Outcome.ToolCalls).Status);

        // The claim failed; the request is then marked rejected (not left "approved" for a call that will never run).
        var stored = await host.Layer.Approvals.GetAsync(request.Id, Ct);
        Assert.Equal(ApprovalStatus.Rejected, stored!.Status);
        Assert.Equal("system", stored.Votes[^1].Approver);
    }

    [Fact]
    public async Task ControlLayer_ApprovalStoreFailsWhenTheRequestIsCreated_DeniesTheCallNeverRunAsync()
    {
        var approvals = new FlakyApprovalStore(new InMemoryApprovalStore()) { FailCreate = true };
        var host = new ControlTestHost(new ControlStores(approvals, new InMemoryToolIntentStore(), new InMemoryAuditStore()), _clock);
        host.Model.Then(_ => ControlTestHost.RefundCall(250)).ThenText("Sorry.");

        var result = await host.TurnAsync("s-approval-create", "Refund 250");

        Assert.Equal(0, host.RefundRuns);
        Assert.Equal(StopReason.EndTurn, result.Outcome.StopReason);
        Assert.Equal(ToolCallStatus.Denied, Assert.Single(result.Outcome.ToolCalls).Status);
    }

    [Fact]
    public async Task ControlLayer_IntentStoreDown_DeniesSideEffectingToolsButRunsReadOnlyToolsAsync()
    {
        var host = new ControlTestHost(new ControlStores(new InMemoryApprovalStore(), new FailingIntentStore(), new InMemoryAuditStore()), _clock);
        host.Model.ThenToolCalls(Responses.Call("c1", "add_note", ("text", "x")), Responses.Call("c2", "lookup")).ThenText("ok");

        var result = await host.TurnAsync("s-intents-down", "note and lookup");

        Assert.Equal(0, host.NoteRuns);
        Assert.Equal(1, host.LookupRuns);
        Assert.Equal(ToolCallStatus.Denied, result.Outcome.ToolCalls.Single(c => c.Name == "add_note").Status);
    }

    private sealed class FlakyAuditStore : IAuditStore
    {
        private readonly InMemoryAuditStore _inner = new();
        private int _appends;

        public bool Failing { get; set; }

        public int FailAfterAppends { get; set; } = int.MaxValue;

        public Task<AuditHead?> GetHeadAsync(string sessionId, CancellationToken cancellationToken = default) =>
            Failing ? throw new IOException("audit store unreachable") : _inner.GetHeadAsync(sessionId, cancellationToken);

        public Task<bool> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken = default) =>
            Failing || Interlocked.Increment(ref _appends) > FailAfterAppends ? throw new IOException("audit store unreachable") : _inner.TryAppendAsync(record, cancellationToken);

        public IAsyncEnumerable<AuditRecord> ReadAsync(string sessionId, long fromSequence = 1, CancellationToken cancellationToken = default) => _inner.ReadAsync(sessionId, fromSequence, cancellationToken);

        public IAsyncEnumerable<string> ListSessionsAsync(CancellationToken cancellationToken = default) => _inner.ListSessionsAsync(cancellationToken);
    }

    private sealed class FlakyApprovalStore(IApprovalStore inner) : IApprovalStore
    {
        public int FailReplaces { get; set; }

        public bool FailCreate { get; set; }

        public Task<ApprovalRequest> CreateAsync(ApprovalRequest request, CancellationToken cancellationToken = default) =>
            FailCreate ? throw new IOException("approval store unreachable") : inner.CreateAsync(request, cancellationToken);

        public Task<ApprovalRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default) => inner.GetAsync(requestId, cancellationToken);

        public Task<IReadOnlyList<ApprovalRequest>> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(query, cancellationToken);

        public Task<bool> TryReplaceAsync(ApprovalRequest updated, CancellationToken cancellationToken = default)
        {
            if (FailReplaces > 0)
            {
                FailReplaces--;
                throw new TimeoutException("approval store timed out");
            }

            return inner.TryReplaceAsync(updated, cancellationToken);
        }
    }

    private sealed class FailingIntentStore : IToolIntentStore
    {
        public Task<ToolIntentBeginResult> BeginAsync(ToolIntent intent, CancellationToken cancellationToken = default) => throw new IOException("intent store unreachable");

        public Task<bool> CompleteAsync(ToolIntentKey key, ToolIntentOutcome outcome, CancellationToken cancellationToken = default) => throw new IOException("intent store unreachable");

        public Task<ToolIntent?> GetAsync(ToolIntentKey key, CancellationToken cancellationToken = default) => throw new IOException("intent store unreachable");
    }
}
