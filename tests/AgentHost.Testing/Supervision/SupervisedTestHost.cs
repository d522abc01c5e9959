using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Supervision;
using AgentHost.Abstractions.Tools;
using AgentHost.Control;
using AgentHost.Control.Policy;
using AgentHost.Control.Stores;
using AgentHost.Core.Agents;
using AgentHost.Core.Conversations;
using AgentHost.Core.Sessions;
using AgentHost.Supervision;
using AgentHost.Supervision.Stores;
using AgentHost.Testing.Control;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;
using Xunit;

namespace AgentHost.Testing.Supervision;

/// <summary>
/// One "host" with the control layer and supervision: a scripted model, the tools of <see cref="ControlTestHost"/>'s policy
/// (<c>refund</c> needs a supervisor's approval, <c>lookup</c> is read-only and returns JSON with a name and an account
/// number, <c>verify_identity</c> is read-only and answers verified, <c>escalate_to_human</c>; an optional inner middleware sits
/// where the host puts sanitisation), the activity feed hook and middleware (outermost) and the guidance hook. Two hosts
/// built on the same stores behave like two processes.
/// </summary>
public sealed class SupervisedTestHost : IAsyncDisposable
{
    public const string Policy = """
        {
          "version": 1,
          "rules": [
            { "id": "reads", "annotations": { "readOnly": true }, "effect": "allow", "risk": "low", "approval": "automatic" },
            { "id": "refunds", "description": "Refunds need a supervisor.", "tools": ["refund"], "effect": "allow", "risk": "high", "approval": "supervisor", "approvalTimeout": "1h" },
            { "id": "escalation", "tools": ["escalate_to_human"], "effect": "allow", "risk": "low", "approval": "automatic" }
          ]
        }
        """;

    private int _refunds;

    public SupervisedTestHost(
        IActivityFeed? feed = null,
        IGuidanceStore? guidance = null,
        IConversationStore? conversations = null,
        ControlStores? control = null,
        TimeProvider? clock = null,
        ScriptedChatClient? model = null,
        SupervisionOptions? options = null,
        IToolCallMiddleware? innerMiddleware = null)
    {
        Clock = clock ?? TimeProvider.System;
        Model = model ?? new ScriptedChatClient();
        var memory = new InMemorySupervisionStore();
        Feed = feed ?? memory;
        GuidanceStore = guidance ?? memory;
        Conversations = conversations ?? new InMemoryConversationStore(Clock);
        control ??= new ControlStores(new InMemoryApprovalStore(), new InMemoryToolIntentStore(), new InMemoryAuditStore());
        Control = new ControlLayer(PolicyLoader.Parse(System.Text.Encoding.UTF8.GetBytes(Policy), "test-policy.json"), control.Approvals, control.Intents, control.Audit, new ControlOptions(), Clock);
        Supervision = new SupervisionLayer(Feed, GuidanceStore, Conversations, Control.AuditTrail, Control.Approvals, options ?? new SupervisionOptions { FlushInterval = TimeSpan.FromMilliseconds(20) }, Clock);
        var tools = new StaticToolProvider(
        [
            TestTools.Create("refund", async (args, ct) =>
            {
                if (RefundGate is { } gate)
                {
                    await gate(ct);
                }

                return $"refunded {args["amount"]} (refund #{Interlocked.Increment(ref _refunds)})";
            }, additionalProperties: new Dictionary<string, object?> { ["destructiveHint"] = true }),
            TestTools.Create("lookup", async (args, ct) =>
            {
                if (LookupGate is { } gate)
                {
                    await gate(ct);
                }

                return """{"name":"Jane Example","account":"DE89370400440532013000","balance":42.5,"verified":true}""";
            }, additionalProperties: new Dictionary<string, object?> { ["readOnlyHint"] = true }),
            TestTools.Create("escalate_to_human", (args, _) => new ValueTask<object?>("""{"queued":true}""")),
            TestTools.Create("verify_identity", (args, _) => new ValueTask<object?>("""{"verified":true,"method":"pin"}"""), additionalProperties: new Dictionary<string, object?> { ["readOnlyHint"] = true }),
        ]);
        IToolCallMiddleware[] middleware = innerMiddleware is null
            ? [Supervision.ToolMiddleware, .. Control.Middleware]
            : [Supervision.ToolMiddleware, .. Control.Middleware, innerMiddleware];
        var loop = new AgentLoop(Model, tools, new AgentOptions(), [Supervision.FeedHook, Supervision.GuidanceHook], Clock, toolMiddleware: middleware);
        Sessions = new AgentSessionService(loop, Conversations, timeProvider: Clock);
    }

    public TimeProvider Clock { get; }

    public ScriptedChatClient Model { get; }

    public IActivityFeed Feed { get; }

    public IGuidanceStore GuidanceStore { get; }

    public IConversationStore Conversations { get; }

    public ControlLayer Control { get; }

    public SupervisionLayer Supervision { get; }

    public AgentSessionService Sessions { get; }

    /// <summary>Awaited inside every refund before it counts.</summary>
    public Func<CancellationToken, Task>? RefundGate { get; set; }

    /// <summary>Awaited inside every lookup (e.g. to hold a turn running while a test acts).</summary>
    public Func<CancellationToken, Task>? LookupGate { get; set; }

    public int RefundRuns => Volatile.Read(ref _refunds);

    public Task<SessionTurnResult> TurnAsync(string sessionId, string prompt, string? turnId = null, string channel = "CHAT", string? contactId = null) =>
        Sessions.RunTurnAsync(new SessionTurnRequest { SessionId = sessionId, Prompt = prompt, TurnId = turnId, Channel = channel, ContactId = contactId }, TestContext.Current.CancellationToken);

    /// <summary>Writes every buffered activity event now.</summary>
    public Task FlushAsync() => Supervision.Publisher.FlushAsync(TestContext.Current.CancellationToken);

    public static FunctionCallContent Call(string name, params (string Key, object? Value)[] arguments) =>
        Responses.Call("call_" + Guid.NewGuid().ToString("N")[..12], name, arguments);

    public ValueTask DisposeAsync() => Supervision.DisposeAsync();
}
