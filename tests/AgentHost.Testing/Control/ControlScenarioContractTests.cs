using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using AgentHost.Control.Audit;
using AgentHost.Control.Middleware;
using AgentHost.Testing.Models;
using AgentHost.Testing.Time;
using Microsoft.Extensions.AI;
using Xunit;

namespace AgentHost.Testing.Control;

/// <summary>
/// The control layer end to end over one store kind: approval through suspended calls (approve, reject, timeout,
/// committee), exactly once (double clicks, two hosts, replayed and forged decisions, a crash between claim and run, a
/// retried turn after a crash during the call), and an intact audit chain. Each store's test project subclasses it.
/// </summary>
public abstract class ControlScenarioContractTests : IAsyncLifetime
{
    private ControlStores? _stores;

    /// <summary>A manual clock starting now (DynamoDB Local deletes items whose TTL lies in the past).</summary>
    protected ManualTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected ControlStores Stores => _stores ?? throw new InvalidOperationException("The stores were not created.");

    /// <summary>Creates empty stores.</summary>
    protected abstract Task<ControlStores> CreateStoresAsync();

    /// <summary>Releases the stores.</summary>
    protected virtual ValueTask DisposeStoresAsync(ControlStores stores) => ValueTask.CompletedTask;

    public async ValueTask InitializeAsync() => _stores = await CreateStoresAsync();

    public async ValueTask DisposeAsync()
    {
        if (_stores is not null)
        {
            await DisposeStoresAsync(_stores);
        }

        GC.SuppressFinalize(this);
    }

    private static string NewSession() => "ctl-" + Guid.NewGuid().ToString("N");

    private ControlTestHost NewHost(Abstractions.Conversations.IConversationStore? conversations = null) => new(Stores, Clock, conversations);

    private static ApprovalDecision Approve(ApprovalRequest request, string by) =>
        new() { RequestId = request.Id, ArgumentsHash = request.ArgumentsHash, Approver = by, Verdict = ApprovalVerdict.Approve };

    private static ApprovalDecision Reject(ApprovalRequest request, string by, string reason) =>
        new() { RequestId = request.Id, ArgumentsHash = request.ArgumentsHash, Approver = by, Verdict = ApprovalVerdict.Reject, Comment = reason };

    private async Task<ApprovalRequest> SingleRequestAsync(ControlTestHost host, string session) =>
        Assert.Single(await host.Layer.Approvals.ListAsync(new ApprovalQuery { SessionId = session }, TestContext.Current.CancellationToken));

    private async Task AssertAuditIntactAsync(string session)
    {
        var verification = await AuditVerifier.VerifyAsync(Stores.Audit, session, TestContext.Current.CancellationToken);
        Assert.True(verification.IsValid, string.Join("; ", verification.Breaks.Select(b => b.Message)));
        Assert.True(verification.Records > 0);
    }

    [Fact]
    public async Task Refund_NeedsSupervisor_IsPersistedAsAskedAndTheTurnAwaitsApprovalAsync()
    {
        var host = NewHost();
        var session = NewSession();
        host.Model.Then(_ => ControlTestHost.RefundCall(250, "call_refund_1"));

        var result = await host.TurnAsync(session, "Refund 250 please", turnId: "turn-1", caller: new CallerIdentity { Subject = "cust-7", Profile = "retail", Source = "jwt", Verified = true });

        Assert.Equal(StopReason.AwaitingApproval, result.Outcome.StopReason);
        Assert.Equal(0, host.RefundRuns);
        Assert.Contains("colleague", result.Outcome.Text, StringComparison.Ordinal);
        var request = await SingleRequestAsync(host, session);
        Assert.Equal(ApprovalStatus.Pending, request.Status);
        Assert.Equal("refund", request.ToolName);
        Assert.Equal("call_refund_1", request.CallId);
        Assert.Equal("turn-1", request.TurnId);
        Assert.Equal("refunds", request.RuleId);
        Assert.Equal(ApprovalMode.Supervisor, request.Mode);
        Assert.Equal(250, request.Arguments.GetProperty("amount").GetInt32());
        Assert.Equal("cust-7", request.Requester?.Subject);
        Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromHours(1), request.ExpiresAt);
        Assert.Equal(request.Id, Assert.Single(result.Outcome.PendingCalls!).Suspension.Id);
        await AssertAuditIntactAsync(session);
    }

    [Fact]
    public async Task Refund_Approved_RunsExactlyOnceOnTheNextInvocationAndTheModelSeesTheResultAsync()
    {
        var host = NewHost();
        var session = NewSession();
        host.Model.Then(_ => ControlTestHost.RefundCall(250)).ThenText("It is done.").ThenText("Anything else?");
        await host.TurnAsync(session, "Refund 250 please");
        var request = await SingleRequestAsync(host, session);

        var decided = await host.Layer.Approvals.DecideAsync(Approve(request, "alice"), TestContext.Current.CancellationToken);
        var resumed = await host.TurnAsync(session, "Is it done?");
        var later = await host.TurnAsync(session, "Thanks");

        Assert.Equal(ApprovalDecisionStatus.Approved, decided.Status);
        Assert.Equal(1, host.RefundRuns);
        var record = Assert.Single(resumed.Outcome.ToolCalls);
        Assert.Equal(ToolCallStatus.Success, record.Status);
        Assert.Equal(request.Id, record.SuspensionId);
        var seen = Assert.Single(host.Model.Calls[1].Messages[^1].Contents.OfType<FunctionResultContent>());
        Assert.Contains("refunded 250", seen.Result?.ToString(), StringComparison.Ordinal);
        Assert.Empty(later.Outcome.ToolCalls);
        Assert.Equal(ApprovalStatus.Completed, (await host.Layer.Approvals.GetAsync(request.Id, TestContext.Current.CancellationToken))!.Status);
        await AssertAuditIntactAsync(session);
    }

    [Fact]
    public async Task Refund_Rejected_NeverRunsAndTheModelIsToldWhyAsync()
    {
        var host = NewHost();
        var session = NewSession();
        host.Model.Then(_ => ControlTestHost.RefundCall(250)).ThenText("Sorry, it was not approved.");
        await host.TurnAsync(session, "Refund 250 please");
        var request = await SingleRequestAsync(host, session);

        var decided = await host.Layer.Approvals.DecideAsync(Reject(request, "bob", "duplicate claim"), TestContext.Current.CancellationToken);
        var next = await host.TurnAsync(session, "Well?");

        Assert.Equal(ApprovalDecisionStatus.Rejected, decided.Status);
        Assert.Equal(0, host.RefundRuns);
        Assert.Equal(ToolCallStatus.Denied, Assert.Single(next.Outcome.ToolCalls).Status);
        var seen = Assert.Single(host.Model.Calls[1].Messages[^1].Contents.OfType<FunctionResultContent>());
        Assert.Contains("duplicate claim", seen.Result?.ToString(), StringComparison.Ordinal);
        Assert.Equal("Sorry, it was not approved.", next.Outcome.Text);
        await AssertAuditIntactAsync(session);
    }

    [Fact]
    public async Task Refund_NotDecidedBeforeTheTimeout_ExpiresAsARejectionAndLateApprovalsAreRefusedAsync()
    {
        var host = NewHost();
        var session = NewSession();
        host.Model.Then(_ => ControlTestHost.RefundCall(250)).ThenText("Still waiting.").ThenText("It expired.");
        await host.TurnAsync(session, "Refund 250 please");
        var request = await SingleRequestAsync(host, session);

        Clock.Advance(TimeSpan.FromMinutes(59));
        var waiting = await host.TurnAsync(session, "Any news?");
        Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await host.Layer.Approvals.DecideAsync(Approve(request, "alice"), TestContext.Current.CancellationToken);
        var expired = await host.TurnAsync(session, "And now?");

        Assert.Empty(waiting.Outcome.ToolCalls);
        Assert.Equal(ApprovalDecisionStatus.Refused, late.Status);
        Assert.Contains("expired", late.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.RefundRuns);
        Assert.Equal(ToolCallStatus.Denied, Assert.Single(expired.Outcome.ToolCalls).Status);
        Assert.Equal(ApprovalStatus.Expired, (await host.Layer.Approvals.GetAsync(request.Id, TestContext.Current.CancellationToken))!.Status);
        await AssertAuditIntactAsync(session);
    }

    [Fact]
    public async Task Committee_NeedsTwoDifferentApprovers_TheSameApproverTwiceIsRefusedAsync()
    {
        var host = NewHost();
        var session = NewSession();
        host.Model.Then(_ => ControlTestHost.RefundCall(5000)).ThenText("Waiting.").ThenText("Done.");
        await host.TurnAsync(session, "Refund 5000 please");
        var request = await SingleRequestAsync(host, session);
        Assert.Equal(ApprovalMode.Committee, request.Mode);

        var first = await host.Layer.Approvals.DecideAsync(Approve(request, "alice"), TestContext.Current.CancellationToken);
        var again = await host.Layer.Approvals.DecideAsync(Approve(request, "ALICE"), TestContext.Current.CancellationToken);
        var between = await host.TurnAsync(session, "Done?");
        var second = await host.Layer.Approvals.DecideAsync(Approve(request, "carol"), TestContext.Current.CancellationToken);
        var after = await host.TurnAsync(session, "Now?");

        Assert.Equal(ApprovalDecisionStatus.Recorded, first.Status);
        Assert.Equal(ApprovalDecisionStatus.Refused, again.Status);
        Assert.Empty(between.Outcome.ToolCalls);
        Assert.Equal(ApprovalDecisionStatus.Approved, second.Status);
        Assert.Equal(ToolCallStatus.Success, Assert.Single(after.Outcome.ToolCalls).Status);
        Assert.Equal(1, host.RefundRuns);
    }

    [Fact]
    public async Task Decisions_DoubleClickReplayedForgedOrMismatched_AreRefusedAndChangeNothingAsync()
    {
        var host = NewHost();
        var session = NewSession();
        host.Model.Then(_ => ControlTestHost.RefundCall(250));
        await host.TurnAsync(session, "Refund 250 please");
        var request = await SingleRequestAsync(host, session);
        var approvals = host.Layer.Approvals;
        var ct = TestContext.Current.CancellationToken;

        var wrongHash = await approvals.DecideAsync(Approve(request, "alice") with { ArgumentsHash = new string('a', 64) }, ct);
        var unknown = await approvals.DecideAsync(Approve(request, "alice") with { RequestId = "apr_" + new string('0', 32) }, ct);
        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => approvals.DecideAsync(Approve(request, "alice"), ct)));
        var replayed = await approvals.DecideAsync(Approve(request, "alice"), ct);
        var lateReject = await approvals.DecideAsync(Reject(request, "mallory", "changed my mind"), ct);

        Assert.Equal(ApprovalDecisionStatus.Refused, wrongHash.Status);
        Assert.Contains("hash", wrongHash.Message, StringComparison.Ordinal);
        Assert.Equal(ApprovalDecisionStatus.Refused, unknown.Status);
        Assert.Equal(1, clicks.Count(c => c.Status == ApprovalDecisionStatus.Approved));
        Assert.Equal(3, clicks.Count(c => c.Status == ApprovalDecisionStatus.Refused));
        Assert.Equal(ApprovalDecisionStatus.Refused, replayed.Status);
        Assert.Equal(ApprovalDecisionStatus.Refused, lateReject.Status);
        var stored = (await approvals.GetAsync(request.Id, ct))!;
        Assert.Equal(ApprovalStatus.Approved, stored.Status);
        Assert.Single(stored.Votes);
        await AssertAuditIntactAsync(session);
    }

    [Fact]
    public async Task Resume_CallInTheConversationDiffersFromTheApprovedRequest_IsDeniedAndNeverRunsAsync()
    {
        var host = NewHost();
        var session = NewSession();
        host.Model.Then(_ => ControlTestHost.RefundCall(250)).ThenText("Denied.");
        await host.TurnAsync(session, "Refund 250 please");
        var request = await SingleRequestAsync(host, session);
        await host.Layer.Approvals.DecideAsync(Approve(request, "alice"), TestContext.Current.CancellationToken);

        // Someone edits the stored request's arguments after approval (as if the store were tampered with).
        var tampered = request with
        {
            Status = ApprovalStatus.Approved,
            Arguments = System.Text.Json.JsonDocument.Parse("""{"amount":99999}""").RootElement.Clone(),
            ArgumentsHash = AgentHost.Control.Hashing.ControlHashes.Arguments(System.Text.Json.JsonDocument.Parse("""{"amount":99999}""").RootElement),
            Votes = (await host.Layer.Approvals.GetAsync(request.Id, TestContext.Current.CancellationToken))!.Votes,
            Version = 3,
        };
        Assert.True(await Stores.Approvals.TryReplaceAsync(tampered, TestContext.Current.CancellationToken));
        var next = await host.TurnAsync(session, "Well?");

        Assert.Equal(0, host.RefundRuns);
        Assert.Equal(ToolCallStatus.Denied, Assert.Single(next.Outcome.ToolCalls).Status);
    }

    [Fact]
    public async Task TwoHosts_ResumeTheSameApprovedCallAtOnce_ItRunsOnceAsync()
    {
        var conversations = new AgentHost.Core.Conversations.InMemoryConversationStore(Clock);
        var first = NewHost(conversations);
        var second = NewHost(conversations);
        var session = NewSession();
        first.Model.Then(_ => ControlTestHost.RefundCall(250));
        await first.TurnAsync(session, "Refund 250 please");
        var request = await SingleRequestAsync(first, session);
        await first.Layer.Approvals.DecideAsync(Approve(request, "alice"), TestContext.Current.CancellationToken);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        first.RefundGate = _ => release.Task;
        second.RefundGate = _ => release.Task;
        first.Model.ThenText("first");
        second.Model.ThenText("second");

        // Two processes run the next turn of the session at once (different turn ids); only one may claim the call.
        var a = first.TurnAsync(session, "Done?", turnId: "turn-a");
        var b = second.TurnAsync(session, "Done?", turnId: "turn-b");
        await Task.Delay(50, TestContext.Current.CancellationToken);
        release.SetResult();
        var results = await Task.WhenAll(a.ContinueWith(t => t.Exception is null ? 1 : 0, TaskScheduler.Default), b.ContinueWith(t => t.Exception is null ? 1 : 0, TaskScheduler.Default));

        Assert.Equal(1, first.RefundRuns + second.RefundRuns);
        Assert.True(results.Sum() >= 1);
    }

    [Fact]
    public async Task Claim_HostDiesBetweenClaimAndRun_TheSameTurnRetriedRunsItOnceAndOtherTurnsWaitAsync()
    {
        var host = NewHost();
        var session = NewSession();
        var request = await ApprovedRequestAsync(host, session);

        // A host claimed the call for turn-lost and died before the tool ran (no intent was written).
        await ClaimAsync(request.Id, "turn-lost");
        host.Model.ThenText("still processing").ThenText("Your refund was made.").ThenText("Anything else?");
        var meanwhile = await host.TurnAsync(session, "Done?", turnId: "turn-other");
        var retried = await host.TurnAsync(session, "Done?", turnId: "turn-lost");
        var later = await host.TurnAsync(session, "Thanks", turnId: "turn-later");

        Assert.Empty(meanwhile.Outcome.ToolCalls);
        Assert.Equal(ToolCallStatus.Success, Assert.Single(retried.Outcome.ToolCalls).Status);
        Assert.Empty(later.Outcome.ToolCalls);
        Assert.Equal(1, host.RefundRuns);
        await AssertAuditIntactAsync(session);
    }

    [Fact]
    public async Task Claim_ClaimingTurnNeverCameBack_AnotherTurnTakesOverAfterTheLeaseAndRunsItOnceAsync()
    {
        var host = NewHost();
        var session = NewSession();
        var request = await ApprovedRequestAsync(host, session);
        await ClaimAsync(request.Id, "turn-lost");
        host.Model.ThenText("still processing").ThenText("Your refund was made.");

        var early = await host.TurnAsync(session, "Done?");
        Clock.Advance(TimeSpan.FromMinutes(16));
        var takenOver = await host.TurnAsync(session, "Done now?");

        Assert.Empty(early.Outcome.ToolCalls);
        Assert.Equal(ToolCallStatus.Success, Assert.Single(takenOver.Outcome.ToolCalls).Status);
        Assert.Equal(1, host.RefundRuns);
    }

    [Fact]
    public async Task Claim_ClaimingHostDiedWhileTheToolRan_TakeoverDoesNotRunItAgainAndFlagsItAsync()
    {
        var host = NewHost();
        var session = NewSession();
        var request = await ApprovedRequestAsync(host, session);
        await ClaimAsync(request.Id, "turn-lost");
        var key = new ToolIntentKey(session, "approval:" + request.Id, "refund", request.ArgumentsHash, 1);
        Assert.True((await Stores.Intents.BeginAsync(new ToolIntent { Key = key, TurnId = "turn-lost", CallId = "c", CreatedAt = Clock.GetUtcNow() }, TestContext.Current.CancellationToken)).Created);
        host.Model.ThenText("A colleague will check it.");

        Clock.Advance(TimeSpan.FromMinutes(16));
        var takenOver = await host.TurnAsync(session, "Done now?");

        Assert.Equal(0, host.RefundRuns);
        var record = Assert.Single(takenOver.Outcome.ToolCalls);
        Assert.Contains(SideEffectToolCallMiddleware.OutcomeUnknownFlag, record.Flags!);
    }

    private async Task<ApprovalRequest> ApprovedRequestAsync(ControlTestHost host, string session)
    {
        host.Model.Then(_ => ControlTestHost.RefundCall(250));
        await host.TurnAsync(session, "Refund 250 please");
        var request = await SingleRequestAsync(host, session);
        Assert.Equal(ApprovalDecisionStatus.Approved, (await host.Layer.Approvals.DecideAsync(Approve(request, "alice"), TestContext.Current.CancellationToken)).Status);
        return request;
    }

    private async Task ClaimAsync(string requestId, string turnId)
    {
        var approved = (await Stores.Approvals.GetAsync(requestId, TestContext.Current.CancellationToken))!;
        Assert.True(await Stores.Approvals.TryReplaceAsync(
            approved with { Status = ApprovalStatus.Executing, ClaimedBy = turnId, ClaimedAt = Clock.GetUtcNow(), Version = approved.Version + 1 },
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RetriedTurn_EarlierAttemptDiedDuringTheCall_ToolIsNotRunAgainAndTheCallIsFlaggedAsync()
    {
        var host = NewHost();
        var session = NewSession();
        var ct = TestContext.Current.CancellationToken;

        // The first attempt of the turn: the note is written (intent stored, tool ran), then the process dies before the
        // outcome is recorded and before the turn is stored. A fresh host (a restarted process) has no memory of it.
        host.Model.ThenToolCalls(Responses.Call("call_first_attempt", "add_note", ("text", "call back")));
        var key = new ToolIntentKey(session, "turn-crash", "add_note", AgentHost.Control.Hashing.ControlHashes.Arguments(System.Text.Json.JsonDocument.Parse("""{"text":"call back"}""").RootElement), 1);
        Assert.True((await Stores.Intents.BeginAsync(new ToolIntent { Key = key, TurnId = "turn-crash", CallId = "call_first_attempt", CreatedAt = Clock.GetUtcNow() }, ct)).Created);

        var restarted = NewHost();
        restarted.Model.ThenToolCalls(Responses.Call("call_new_id_on_retry", "add_note", ("text", "call back"))).ThenText("I could not confirm the note.");
        var retry = await restarted.TurnAsync(session, "Add a note: call back", turnId: "turn-crash");

        Assert.Equal(0, restarted.NoteRuns);
        var record = Assert.Single(retry.Outcome.ToolCalls);
        Assert.Equal(ToolCallStatus.Error, record.Status);
        Assert.Contains(SideEffectToolCallMiddleware.OutcomeUnknownFlag, record.Flags!);
        var seen = Assert.Single(restarted.Model.Calls[1].Messages[^1].Contents.OfType<FunctionResultContent>());
        Assert.Contains("Do not retry it automatically", seen.Result?.ToString(), StringComparison.Ordinal);
        var kinds = new List<string>();
        await foreach (var audit in Stores.Audit.ReadAsync(session, 1, ct))
        {
            kinds.Add(audit.Kind);
        }

        Assert.Contains(AuditRecordKinds.OutcomeUnknown, kinds);
    }

    [Fact]
    public async Task RetriedTurn_EarlierAttemptRecordedTheOutcome_TheRecordedResultIsReplayedWithoutRunningAgainAsync()
    {
        var session = NewSession();
        var first = NewHost();
        first.Model.ThenToolCalls(Responses.Call("call_a", "add_note", ("text", "hello"))).ThenThrow(new InvalidOperationException("model down"));
        await first.TurnAsync(session, "Add a note: hello", turnId: "turn-once");
        Assert.Equal(1, first.NoteRuns);

        // The turn was stored with an error; a fresh store of conversations stands for a crash before the turn was stored.
        var restarted = NewHost();
        restarted.Model.ThenToolCalls(Responses.Call("call_b", "add_note", ("text", "hello")), Responses.Call("call_c", "lookup")).ThenText("Noted.");
        var retry = await restarted.TurnAsync(session, "Add a note: hello", turnId: "turn-once");

        Assert.Equal(0, restarted.NoteRuns);
        Assert.Equal(1, restarted.LookupRuns);
        var note = retry.Outcome.ToolCalls.Single(c => c.Name == "add_note");
        Assert.Equal(ToolCallStatus.Success, note.Status);
        Assert.Contains(SideEffectToolCallMiddleware.ReplayedFlag, note.Flags!);
    }

    [Fact]
    public async Task Policy_NoRuleForAWriteTool_IsDeniedAndAuditedAsync()
    {
        var host = new ControlTestHost(Stores, Clock, policy: """{ "version": 1, "rules": [] }""");
        var session = NewSession();
        host.Model.ThenToolCalls(Responses.Call("c1", "add_note", ("text", "x")), Responses.Call("c2", "lookup")).ThenText("ok");

        var result = await host.TurnAsync(session, "note and lookup");

        Assert.Equal(0, host.NoteRuns);
        Assert.Equal(1, host.LookupRuns);
        Assert.Equal(ToolCallStatus.Denied, result.Outcome.ToolCalls.Single(c => c.Name == "add_note").Status);
        Assert.Equal(ToolCallStatus.Success, result.Outcome.ToolCalls.Single(c => c.Name == "lookup").Status);
        await AssertAuditIntactAsync(session);
    }
}
