using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Tools;
using AgentHost.Control;
using AgentHost.Control.Policy;
using AgentHost.Core.Agents;
using AgentHost.Core.Conversations;
using AgentHost.Core.Sessions;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;
using Xunit;

namespace AgentHost.Testing.Control;

/// <summary>
/// One "host" with the control layer: a scripted model, the tools <c>refund</c> (destructive, counted),
/// <c>lookup</c> (read-only, counted) and <c>add_note</c> (a routine write, counted), the <see cref="TestPolicy"/>, and a
/// session service over a conversation store. Two hosts built on the same stores behave like two processes.
/// </summary>
public sealed class ControlTestHost
{
    /// <summary>
    /// Read-only tools run; refunds above 1000 need a committee, other refunds a supervisor (1 h timeout); notes are
    /// automatic; everything else is denied.
    /// </summary>
    public const string TestPolicy = """
        {
          "version": 1,
          "defaults": { "approvalTimeout": "4h" },
          "rules": [
            { "id": "reads", "annotations": { "readOnly": true }, "effect": "allow", "risk": "low", "approval": "automatic" },
            { "id": "big-refunds", "tools": ["refund"], "when": [ { "argument": "amount", "op": ">", "value": 1000 } ], "effect": "allow", "risk": "high", "approval": "committee" },
            { "id": "refunds", "description": "Refunds need a supervisor.", "tools": ["refund"], "effect": "allow", "risk": "high", "approval": "supervisor", "approvalTimeout": "1h" },
            { "id": "notes", "tools": ["add_note"], "effect": "allow", "risk": "medium", "approval": "automatic" }
          ]
        }
        """;

    private int _refunds;
    private int _lookups;
    private int _notes;

    public ControlTestHost(ControlStores stores, TimeProvider clock, IConversationStore? conversations = null, string policy = TestPolicy, ScriptedChatClient? model = null, IToolCallMiddleware? innerMiddleware = null)
    {
        Clock = clock;
        Model = model ?? new ScriptedChatClient();
        Conversations = conversations ?? new InMemoryConversationStore(clock);
        Layer = new ControlLayer(PolicyLoader.Parse(System.Text.Encoding.UTF8.GetBytes(policy), "test-policy.json"), stores.Approvals, stores.Intents, stores.Audit, new ControlOptions(), clock);
        var tools = new StaticToolProvider(
        [
            TestTools.Create("refund", async (args, ct) =>
            {
                if (RefundGate is { } gate)
                {
                    await gate(ct);
                }

                var count = Interlocked.Increment(ref _refunds);
                return $"refunded {args["amount"]} (refund #{count})";
            }, additionalProperties: new Dictionary<string, object?> { ["destructiveHint"] = true }),
            TestTools.Create("lookup", (args, _) =>
            {
                Interlocked.Increment(ref _lookups);
                return new ValueTask<object?>("balance 42");
            }, additionalProperties: new Dictionary<string, object?> { ["readOnlyHint"] = true }),
            TestTools.Create("add_note", (args, _) =>
            {
                Interlocked.Increment(ref _notes);
                return new ValueTask<object?>("noted");
            }),
        ]);
        var loop = new AgentLoop(Model, tools, new AgentOptions(), timeProvider: clock, toolMiddleware: innerMiddleware is null ? Layer.Middleware : [.. Layer.Middleware, innerMiddleware]);
        Sessions = new AgentSessionService(loop, Conversations, timeProvider: clock);
    }

    public TimeProvider Clock { get; }

    public ScriptedChatClient Model { get; }

    public IConversationStore Conversations { get; }

    public ControlLayer Layer { get; }

    public AgentSessionService Sessions { get; }

    /// <summary>Awaited inside every refund before it counts (e.g. to hold it while a test acts, or to throw).</summary>
    public Func<CancellationToken, Task>? RefundGate { get; set; }

    public int RefundRuns => Volatile.Read(ref _refunds);

    public int LookupRuns => Volatile.Read(ref _lookups);

    public int NoteRuns => Volatile.Read(ref _notes);

    public Task<SessionTurnResult> TurnAsync(string sessionId, string prompt, string? turnId = null, CallerIdentity? caller = null) =>
        Sessions.RunTurnAsync(new SessionTurnRequest { SessionId = sessionId, Prompt = prompt, TurnId = turnId, Caller = caller }, TestContext.Current.CancellationToken);

    /// <summary>A model step that asks for a refund of <paramref name="amount"/> with a fresh call id.</summary>
    public static ChatResponse RefundCall(int amount, string? callId = null) =>
        Responses.ToolCalls(Responses.Call(callId ?? "call_" + Guid.NewGuid().ToString("N")[..12], "refund", ("amount", amount)));
}
