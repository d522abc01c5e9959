using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Supervision;
using AgentHost.Testing.Supervision;

namespace AgentHost.Supervision.Tests;

public sealed class EscalationTests
{
    [Fact]
    public async Task RunTurnAsync_EscalationToolSucceeds_MarksTheSessionEscalatedAndThePackageSaysWhatHappenedAsync()
    {
        await using var host = new SupervisedTestHost();
        host.Model
            .ThenToolCalls(SupervisedTestHost.Call("lookup", ("account", "DE89370400440532013000")))
            .ThenText("Your balance is 42.50.")
            .ThenToolCalls(SupervisedTestHost.Call("refund", ("amount", 80)))
            .ThenToolCalls(SupervisedTestHost.Call("escalate_to_human", ("reason", "customer is angry about refund delay")))
            .ThenText("A colleague will take over.");
        await host.TurnAsync("s-esc", "What is my balance?", contactId: "contact-42");
        await host.TurnAsync("s-esc", "Refund 80 euros now, this is ridiculous", contactId: "contact-42");
        await host.Supervision.Guidance.AddAsync("s-esc", "Apologise for the delay.", "alice", TestContext.Current.CancellationToken);
        await host.TurnAsync("s-esc", "I want a human", contactId: "contact-42");
        await host.FlushAsync();

        var live = await host.Feed.FindByContactAsync("contact-42", TestContext.Current.CancellationToken);
        Assert.Equal(LiveSessionStatuses.Escalated, live!.Status);
        var package = await host.Supervision.Escalation.EscalateAsync("s-esc", "agent", "customer is angry about refund delay", publishEvent: false, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("contact-42", package.ContactId);
        Assert.Equal(["What is my balance?", "Refund 80 euros now, this is ridiculous", "I want a human"], package.Asked);
        Assert.Contains(package.FoundAndDid, l => l.StartsWith("lookup(account=***(22)) → name=***(12)", StringComparison.Ordinal));
        Assert.Contains(package.FoundAndDid, l => l.StartsWith("Last answer: A colleague will take over.", StringComparison.Ordinal));
        var pending = Assert.Single(package.PendingApprovals);
        Assert.StartsWith("refund(amount=80) request apr_", pending, StringComparison.Ordinal);
        Assert.Contains(package.SupervisorNotes, n => n.StartsWith("alice: Apologise for the delay.", StringComparison.Ordinal));
        Assert.StartsWith("Decide the pending approval", package.SuggestedNextStep, StringComparison.Ordinal);
        Assert.Equal("customer is angry about refund delay", package.Reason);
        Assert.DoesNotContain(package.FoundAndDid.Concat(package.Asked), l => l.Contains("Jane", StringComparison.Ordinal) || l.Contains("DE8937", StringComparison.Ordinal));
        var header = (await host.Conversations.LoadAsync("s-esc", 1, TestContext.Current.CancellationToken)).Header;
        Assert.Equal(SessionStatuses.Escalated, header!.Metadata.Status);
        var audit = await host.Control.AuditTrail.ReadAsync("s-esc", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(audit, r => r.Kind == AuditRecordKinds.Escalation && r.Actor == "agent");
    }

    [Fact]
    public void SuggestNextStep_Rules_PreferApprovalsThenFailuresThenIdentityThenTheLastRequest()
    {
        Assert.StartsWith("Decide", Escalation.EscalationPackageBuilder.SuggestNextStep(["x"], ["y"], null, ["z"]), StringComparison.Ordinal);
        Assert.StartsWith("Check what failed", Escalation.EscalationPackageBuilder.SuggestNextStep([], ["y"], "verified", ["z"]), StringComparison.Ordinal);
        Assert.StartsWith("Verify", Escalation.EscalationPackageBuilder.SuggestNextStep([], [], "unverified", ["z"]), StringComparison.Ordinal);
        Assert.Equal("Continue with the customer's last request: \"z\".", Escalation.EscalationPackageBuilder.SuggestNextStep([], [], "verified", ["z"]));
    }

    [Fact]
    public async Task BuildAsync_LongConversation_EveryListIsBoundedAsync()
    {
        await using var host = new SupervisedTestHost();
        host.Model.Fallback = _ => Testing.Models.Responses.Text(new string('a', 1_000));
        for (var i = 0; i < 12; i++)
        {
            await host.TurnAsync("s-long", $"question {i} " + new string('q', 500));
        }

        var package = await host.Supervision.Packages.BuildAsync("s-long", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(EscalationPackage.MaxItems, package.Asked.Count);
        Assert.StartsWith("question 11", package.Asked[^1], StringComparison.Ordinal);
        Assert.All(package.Asked.Concat(package.FoundAndDid).Append(package.SuggestedNextStep), l => Assert.True(l.Length <= EscalationPackage.MaxLineLength));
    }
}
