using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Tools;
using AgentHost.Control.Audit;
using AgentHost.Control.Middleware;
using AgentHost.Control.Stores;
using AgentHost.Testing.Control;
using AgentHost.Testing.Models;
using AgentHost.Testing.Time;

namespace AgentHost.Control.Tests.Middleware;

/// <summary>An entry a middleware inside the control layer defers (<see cref="DeferredAudit"/>) is written with the call's result record, in one store write, and fails with it.</summary>
public sealed class DeferredAuditTests
{
    private readonly ManualTimeProvider _clock = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ControlLayer_InnerMiddlewareDefersAnEntry_WritesItBeforeTheResultRecordInOneStoreWriteAsync()
    {
        var audit = new CountingAuditStore();
        var inner = new FindingMiddleware();
        var host = new ControlTestHost(new ControlStores(new InMemoryApprovalStore(), new InMemoryToolIntentStore(), audit), _clock, innerMiddleware: inner);
        host.Model.ThenToolCalls(Responses.Call("c1", "lookup")).ThenText("done");

        var result = await host.TurnAsync("s-deferred", "look it up");

        Assert.Equal(ToolCallStatus.Success, Assert.Single(result.Outcome.ToolCalls).Status);
        Assert.True(inner.Deferred);
        var kinds = new List<string>();
        await foreach (var record in audit.ReadAsync("s-deferred", 1, Ct))
        {
            kinds.Add(record.Kind);
        }

        Assert.Equal([AuditRecordKinds.PolicyDecision, "testFinding", AuditRecordKinds.ToolResult], kinds);
        Assert.Equal(1, audit.SingleAppends); // the decision
        Assert.Equal(1, audit.BatchAppends); // the finding and the result together
        Assert.True((await AuditVerifier.VerifyAsync(audit, "s-deferred", Ct)).IsValid);
    }

    [Fact]
    public async Task ControlLayer_DeferredEntryCannotBeWritten_WithholdsTheResultAndFlagsAuditFailedAsync()
    {
        var audit = new CountingAuditStore { FailBatches = true };
        var host = new ControlTestHost(new ControlStores(new InMemoryApprovalStore(), new InMemoryToolIntentStore(), audit), _clock, innerMiddleware: new FindingMiddleware());
        host.Model.ThenToolCalls(Responses.Call("c1", "lookup")).ThenText("Sorry.");

        var result = await host.TurnAsync("s-deferred-down", "look it up");

        Assert.Equal(1, host.LookupRuns);
        var call = Assert.Single(result.Outcome.ToolCalls);
        Assert.Equal(ToolCallStatus.Error, call.Status);
        Assert.Contains(AuditToolCallMiddleware.AuditFailedFlag, call.Flags!);
        Assert.Contains("Do not retry", call.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ControlLayer_NothingDeferred_WritesTheResultRecordAloneAsync()
    {
        var audit = new CountingAuditStore();
        var host = new ControlTestHost(new ControlStores(new InMemoryApprovalStore(), new InMemoryToolIntentStore(), audit), _clock);
        host.Model.ThenToolCalls(Responses.Call("c1", "lookup")).ThenText("done");

        await host.TurnAsync("s-plain", "look it up");

        Assert.Equal(2, audit.SingleAppends);
        Assert.Equal(0, audit.BatchAppends);
    }

    [Fact]
    public void TryDefer_NoAuditMiddlewareAroundTheCall_ReturnsFalse()
    {
        var context = CallInSessionS();

        Assert.False(DeferredAudit.TryDefer(context, new AuditEntry { SessionId = "s", Kind = "k", Actor = "a" }));
        Assert.Empty(DeferredAudit.Take(context));
    }

    [Fact]
    public void TryDefer_EntryOfAnotherSession_IsNotTaken()
    {
        var context = CallInSessionS();
        DeferredAudit.Accept(context);

        Assert.False(DeferredAudit.TryDefer(context, new AuditEntry { SessionId = "other", Kind = "k", Actor = "a" }));
        Assert.True(DeferredAudit.TryDefer(context, new AuditEntry { SessionId = "s", Kind = "k", Actor = "a" }));
        Assert.Single(DeferredAudit.Take(context));
    }

    /// <summary>A call of session <c>s</c> outside any middleware.</summary>
    private static ToolCallContext CallInSessionS() => new(
        new InvocationContext { SessionId = "s", TurnId = "t" },
        "c1",
        "lookup",
        tool: null,
        new Dictionary<string, object?>(),
        new Dictionary<string, object?>(),
        TimeSpan.FromSeconds(5));

    /// <summary>Defers one entry for every successful call, where sanitisation sits in the host.</summary>
    private sealed class FindingMiddleware : IToolCallMiddleware
    {
        public bool Deferred { get; private set; }

        public async ValueTask<ToolCallOutcome> InvokeAsync(ToolCallContext context, ToolCallHandler next, CancellationToken cancellationToken)
        {
            var outcome = await next(context, cancellationToken);
            Deferred |= DeferredAudit.TryDefer(context, new AuditEntry { SessionId = context.Invocation.SessionId, Kind = "testFinding", Actor = "system", TurnId = context.Invocation.TurnId, CallId = context.CallId });
            return outcome;
        }
    }

    private sealed class CountingAuditStore : IAuditStore, IAuditBatchStore
    {
        private readonly InMemoryAuditStore _inner = new();
        private int _single;
        private int _batches;

        public bool FailBatches { get; init; }

        public int SingleAppends => Volatile.Read(ref _single);

        public int BatchAppends => Volatile.Read(ref _batches);

        public Task<AuditHead?> GetHeadAsync(string sessionId, CancellationToken cancellationToken = default) => _inner.GetHeadAsync(sessionId, cancellationToken);

        public Task<bool> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _single);
            return _inner.TryAppendAsync(record, cancellationToken);
        }

        public Task<bool> TryAppendManyAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _batches);
            return FailBatches ? throw new IOException("audit store unreachable") : _inner.TryAppendManyAsync(records, cancellationToken);
        }

        public IAsyncEnumerable<AuditRecord> ReadAsync(string sessionId, long fromSequence = 1, CancellationToken cancellationToken = default) => _inner.ReadAsync(sessionId, fromSequence, cancellationToken);

        public IAsyncEnumerable<string> ListSessionsAsync(CancellationToken cancellationToken = default) => _inner.ListSessionsAsync(cancellationToken);
    }
}
