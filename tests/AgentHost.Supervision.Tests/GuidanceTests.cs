using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Supervision;
using AgentHost.Supervision.Guidance;
using AgentHost.Testing.Supervision;
using AgentHost.Testing.Time;
using Microsoft.Extensions.AI;

namespace AgentHost.Supervision.Tests;

public sealed class GuidanceTests
{
    [Fact]
    public async Task RunTurnAsync_GuidanceStoredBetweenTurns_ReachesTheNextModelCallOnceAndIsStoredWithTheTurnAsync()
    {
        await using var host = new SupervisedTestHost();
        host.Model.ThenText("Hello.").Then(call => Testing.Models.Responses.Text(HasGuidance(call.Messages, "Offer the 10% loyalty discount.") ? "I can offer you a 10% discount." : "No discount.")).ThenText("Anything else?");
        await host.TurnAsync("s1", "hi");

        var guidance = await host.Supervision.Guidance.AddAsync("s1", "Offer the 10% loyalty discount.", "alice", TestContext.Current.CancellationToken);
        var second = await host.TurnAsync("s1", "I want to cancel.");
        var third = await host.TurnAsync("s1", "thanks");

        Assert.Equal("I can offer you a 10% discount.", second.Outcome.Text);
        Assert.DoesNotContain("loyalty", second.Outcome.Text, StringComparison.Ordinal);
        Assert.Single(host.Model.Calls, c => HasGuidance(c.Messages, "Offer the 10% loyalty discount.") && c.Messages[^1].Role == ChatRole.System);
        var stored = (await host.GuidanceStore.ListAsync("s1", TestContext.Current.CancellationToken)).Single();
        Assert.Equal(second.TurnId, stored.ConsumedByTurn);
        var turn = await host.Conversations.FindTurnAsync("s1", second.TurnId, TestContext.Current.CancellationToken);
        var message = Assert.Single(turn!.Messages, m => GuidanceMessages.IsGuidance(m, out _));
        Assert.True(GuidanceMessages.IsGuidance(message, out var id));
        Assert.Equal(guidance.Id, id);
        Assert.Equal("Offer the 10% loyalty discount.", GuidanceMessages.TextOf(message));
        Assert.Equal("Anything else?", third.Outcome.Text);

        var audit = await host.Control.AuditTrail.ReadAsync("s1", TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var records = audit.Where(r => r.Kind == AuditRecordKinds.SupervisorGuidance).ToList();
        Assert.Equal(["added", "applied"], records.Select(r => r.Status));
        Assert.All(records, r => Assert.Equal("alice", r.Actor));
        Assert.Equal(second.TurnId, records[1].TurnId);
        Assert.Equal(ControlHashes(guidance.Text), records[0].ResultHash);
    }

    [Fact]
    public async Task RunTurnAsync_GuidanceAddedWhileAToolRuns_ReachesTheSameTurnsNextModelCallAfterTheCacheExpiresAsync()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        await using var host = new SupervisedTestHost(clock: clock);
        host.LookupGate = async ct =>
        {
            await host.Supervision.Guidance.AddAsync("s2", "Ask for the order number first.", "bob", ct);
            clock.Advance(TimeSpan.FromSeconds(2));
        };
        host.Model.ThenToolCalls(SupervisedTestHost.Call("lookup")).Then(call => Testing.Models.Responses.Text(HasGuidance(call.Messages, "Ask for the order number first.") ? "What is your order number?" : "ignored"));

        var result = await host.TurnAsync("s2", "where is my parcel");

        Assert.Equal("What is your order number?", result.Outcome.Text);
        Assert.Equal(2, host.Supervision.GuidanceHook.Reads);
    }

    [Fact]
    public async Task RunTurnAsync_LaterModelCallWithinTheCacheWindow_DoesNotReadTheStoreAgainAsync()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));
        await using var host = new SupervisedTestHost(clock: clock);
        host.Model.ThenToolCalls(SupervisedTestHost.Call("lookup")).ThenToolCalls(SupervisedTestHost.Call("lookup")).ThenText("done");

        await host.TurnAsync("s3", "go");

        Assert.Equal(3, host.Model.Calls.Count);
        Assert.Equal(1, host.Supervision.GuidanceHook.Reads);
    }

    [Fact]
    public async Task RunTurnAsync_TwoHostsOnTheSameStores_ApplyTheGuidanceExactlyOnceAsync()
    {
        var shared = new Stores.InMemorySupervisionStore();
        await using var first = new SupervisedTestHost(feed: shared, guidance: shared);
        await using var second = new SupervisedTestHost(feed: shared, guidance: shared, conversations: first.Conversations);
        await first.Supervision.Guidance.AddAsync("a", "Be brief.", "carol", TestContext.Current.CancellationToken);
        await shared.AddAsync(new SupervisorGuidance { Id = "gd_b", SessionId = "b", Text = "x", Author = "carol", CreatedAt = DateTimeOffset.UtcNow }, TestContext.Current.CancellationToken);
        first.Model.Fallback = _ => Testing.Models.Responses.Text("ok");
        second.Model.Fallback = _ => Testing.Models.Responses.Text("ok");

        await Task.WhenAll(first.TurnAsync("a", "one", turnId: "t1"), second.TurnAsync("a", "one", turnId: "t1"));

        var calls = first.Model.Calls.Concat(second.Model.Calls).Count(c => HasGuidance(c.Messages, "Be brief."));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task AddAsync_EmptyOrTooLongText_IsRefusedAndNothingIsStoredAsync()
    {
        await using var host = new SupervisedTestHost();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Supervision.Guidance.AddAsync("s", "  ", "alice", TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Supervision.Guidance.AddAsync("s", new string('x', 2_001), "alice", TestContext.Current.CancellationToken));

        Assert.Empty(await host.GuidanceStore.ListAsync("s", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AddAsync_AuditFails_GuidanceIsNotStoredAsync()
    {
        await using var host = new SupervisedTestHost(control: new Testing.Control.ControlStores(new Control.Stores.InMemoryApprovalStore(), new Control.Stores.InMemoryToolIntentStore(), new FailingAuditStore()));

        await Assert.ThrowsAsync<AuditWriteException>(() => host.Supervision.Guidance.AddAsync("s", "Be kind.", "alice", TestContext.Current.CancellationToken));

        Assert.Empty(await host.GuidanceStore.ListAsync("s", TestContext.Current.CancellationToken));
    }

    private static string ControlHashes(string text) => AgentHost.Control.Hashing.ControlHashes.Text(text);

    private static bool HasGuidance(IEnumerable<ChatMessage> messages, string text) =>
        messages.Any(m => GuidanceMessages.IsGuidance(m, out _) && GuidanceMessages.TextOf(m) == text);

    private sealed class FailingAuditStore : IAuditStore
    {
        public Task<AuditHead?> GetHeadAsync(string sessionId, CancellationToken cancellationToken = default) => throw new IOException("audit down");

        public Task<bool> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken = default) => throw new IOException("audit down");

        public IAsyncEnumerable<AuditRecord> ReadAsync(string sessionId, long fromSequence = 1, CancellationToken cancellationToken = default) => throw new IOException("audit down");

        public IAsyncEnumerable<string> ListSessionsAsync(CancellationToken cancellationToken = default) => throw new IOException("audit down");
    }
}
