using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Agents;
using AgentHost.Core.Conversations;
using AgentHost.Core.Sessions;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tests.Sessions;

/// <summary>The suspend/resume primitive of the tool-call middleware, with a test double of an approval middleware.</summary>
public sealed class SuspendedToolCallTests
{
    private const string SessionId = "session-suspend-000000000000000000001";

    [Fact]
    public async Task RunTurnAsync_MiddlewareSuspendsTheCall_TurnEndsWithThePendingCallAndTheToolDoesNotRunAsync()
    {
        var test = new Scenario();
        test.Model.ThenToolCalls(Responses.Call("c1", "refund", ("amount", 2500)));

        var result = await test.TurnAsync("Refund my last payment please");

        Assert.Equal(StopReason.AwaitingApproval, result.Outcome.StopReason);
        Assert.Equal(0, test.RefundRuns);
        Assert.Single(test.Model.Calls);
        Assert.Equal("A colleague must approve this refund.", result.Outcome.Text);
        var pending = Assert.Single(result.Outcome.PendingCalls!);
        Assert.Equal("refund", pending.Name);
        Assert.Equal(2500, pending.Input.GetProperty("amount").GetInt32());
        Assert.Equal(ToolCallStatus.Pending, Assert.Single(result.Outcome.ToolCalls).Status);
    }

    [Fact]
    public async Task RunTurnAsync_ModelGaveTextWithTheSuspendedCall_TheReplyIsTheModelsTextAsync()
    {
        var test = new Scenario();
        test.Model.Then(_ => new ChatResponse(new ChatMessage(ChatRole.Assistant, [new TextContent("I will request that refund."), Responses.Call("c1", "refund", ("amount", 10))])));

        var result = await test.TurnAsync("Refund please");

        Assert.Equal("I will request that refund.", result.Outcome.Text);
    }

    [Fact]
    public async Task RunTurnAsync_NoDecisionYet_NextTurnDoesNotRunTheToolAndOffersItAgainLaterAsync()
    {
        var test = new Scenario();
        test.Model.ThenToolCalls(Responses.Call("c1", "refund", ("amount", 2500))).ThenText("It is still waiting for approval.").ThenText("Done, it went through.");
        await test.TurnAsync("Refund please");

        var waiting = await test.TurnAsync("Is it done?");
        Assert.Equal(StopReason.EndTurn, waiting.Outcome.StopReason);
        Assert.Empty(waiting.Outcome.ToolCalls);
        Assert.Equal(0, test.RefundRuns);
        Assert.Equal(1, test.Approvals.Offers);

        test.Approvals.Decide("approved");
        var approved = await test.TurnAsync("And now?");

        Assert.Equal(1, test.RefundRuns);
        Assert.Equal(2, test.Approvals.Offers);
        Assert.Equal(ToolCallStatus.Success, Assert.Single(approved.Outcome.ToolCalls).Status);
    }

    [Fact]
    public async Task RunTurnAsync_CallApproved_NextInvocationRunsItOnceWithTheOriginalArgumentsAndTheModelSeesTheResultAsync()
    {
        var test = new Scenario();
        test.Model.ThenToolCalls(Responses.Call("c1", "refund", ("amount", 2500))).ThenText("Your refund was made.").ThenText("Anything else?");
        var first = await test.TurnAsync("Refund please");
        var suspensionId = first.Outcome.PendingCalls![0].Suspension.Id;

        test.Approvals.Decide("approved");
        var resumed = await test.TurnAsync("Thanks, is it approved?");
        var later = await test.TurnAsync("Bye");

        Assert.Equal(1, test.RefundRuns);
        Assert.Equal("2500", test.RefundAmount);
        var record = Assert.Single(resumed.Outcome.ToolCalls);
        Assert.Equal(ToolCallStatus.Success, record.Status);
        Assert.Equal(suspensionId, record.SuspensionId);
        Assert.Equal("Your refund was made.", resumed.Outcome.Text);
        var modelSaw = test.Model.Calls[1].Messages;
        var result = Assert.Single(modelSaw[^1].Contents.OfType<FunctionResultContent>());
        Assert.Equal("refunded 2500", result.Result?.ToString());
        Assert.Equal("refund", Assert.Single(modelSaw[^2].Contents.OfType<FunctionCallContent>()).Name);
        Assert.Empty(later.Outcome.ToolCalls);
    }

    [Fact]
    public async Task RunTurnAsync_CallRejected_ToolNeverRunsAndTheModelSeesTheRejectionAsync()
    {
        var test = new Scenario();
        test.Model.ThenToolCalls(Responses.Call("c1", "refund", ("amount", 2500))).ThenText("The refund was not approved.");
        await test.TurnAsync("Refund please");

        test.Approvals.Decide("rejected");
        var rejected = await test.TurnAsync("Well?");

        Assert.Equal(0, test.RefundRuns);
        var record = Assert.Single(rejected.Outcome.ToolCalls);
        Assert.Equal(ToolCallStatus.Denied, record.Status);
        var seen = Assert.Single(test.Model.Calls[1].Messages[^1].Contents.OfType<FunctionResultContent>());
        Assert.Contains("rejected by a supervisor", seen.Result?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunTurnAsync_TheSameTurnIdIsRetriedAfterApproval_TheStoredResultIsReturnedAndTheToolDoesNotRunAgainAsync()
    {
        var test = new Scenario();
        test.Model.ThenToolCalls(Responses.Call("c1", "refund", ("amount", 2500))).ThenText("Your refund was made.");
        await test.TurnAsync("Refund please");
        test.Approvals.Decide("approved");

        var first = await test.TurnAsync("Is it done?", turnId: "turn-retry");
        var retry = await test.TurnAsync("Is it done?", turnId: "turn-retry");

        Assert.Equal(1, test.RefundRuns);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Outcome.Text, retry.Outcome.Text);
    }

    private sealed class Scenario
    {
        private readonly AgentSessionService _service;

        public Scenario()
        {
            var refund = TestTools.Create("refund", (args, _) =>
            {
                RefundRuns++;
                RefundAmount = args["amount"]?.ToString();
                return new ValueTask<object?>($"refunded {RefundAmount}");
            });
            var loop = new AgentLoop(Model, new StaticToolProvider([refund]), new AgentOptions(), toolMiddleware: [Approvals]);
            _service = new AgentSessionService(loop, new InMemoryConversationStore());
        }

        public ScriptedChatClient Model { get; } = new();

        public TestApprovalMiddleware Approvals { get; } = new();

        public int RefundRuns { get; private set; }

        public string? RefundAmount { get; private set; }

        public Task<SessionTurnResult> TurnAsync(string prompt, string? turnId = null) =>
            _service.RunTurnAsync(new SessionTurnRequest { SessionId = SessionId, Prompt = prompt, TurnId = turnId }, TestContext.Current.CancellationToken);
    }

    /// <summary>A test double of an approval middleware: every call of <c>refund</c> waits for <see cref="Decide"/>.</summary>
    private sealed class TestApprovalMiddleware : IToolCallMiddleware
    {
        private string? _decision;

        public int Offers { get; private set; }

        public void Decide(string decision) => _decision = decision;

        public ValueTask<ToolCallOutcome> InvokeAsync(ToolCallContext context, ToolCallHandler next, CancellationToken cancellationToken)
        {
            if (context.ToolName != "refund")
            {
                return next(context, cancellationToken);
            }

            if (context.Resumption is not { } resumption)
            {
                return ValueTask.FromResult(ToolCallOutcome.Suspend(new ToolCallSuspension
                {
                    Id = "approval-1",
                    Kind = "approval",
                    StopReason = StopReason.AwaitingApproval,
                    CustomerMessage = "A colleague must approve this refund.",
                }));
            }

            Offers++;
            return _decision switch
            {
                "approved" => next(context, cancellationToken),
                "rejected" => ValueTask.FromResult(ToolCallOutcome.Failure(ToolCallStatus.Denied, "The refund was rejected by a supervisor.")),
                _ => ValueTask.FromResult(ToolCallOutcome.Suspend(resumption.Call.Suspension)),
            };
        }
    }
}
