namespace AgentHost.Core.Diagnostics;

/// <summary>
/// Attribute (tag) names of the spans and metrics AgentHost emits: those of the OpenTelemetry GenAI semantic conventions
/// (<c>gen_ai.*</c>, <c>error.type</c>) and AgentHost's own (<c>agenthost.*</c>). Values are identifiers, counts and
/// short status names; message contents, arguments and results only when <see cref="AgentHostTelemetry.CaptureMessageContent"/> is on.
/// </summary>
public static class GenAIAttributes
{
    /// <summary><c>gen_ai.operation.name</c>: <c>invoke_agent</c>, <c>chat</c>, <c>execute_tool</c>.</summary>
    public const string OperationName = "gen_ai.operation.name";

    /// <summary><c>gen_ai.provider.name</c>, e.g. <c>aws.bedrock</c>.</summary>
    public const string ProviderName = "gen_ai.provider.name";

    /// <summary><c>gen_ai.agent.name</c>.</summary>
    public const string AgentName = "gen_ai.agent.name";

    /// <summary><c>gen_ai.conversation.id</c>: the session id.</summary>
    public const string ConversationId = "gen_ai.conversation.id";

    /// <summary><c>gen_ai.request.model</c>.</summary>
    public const string RequestModel = "gen_ai.request.model";

    /// <summary><c>gen_ai.usage.input_tokens</c>.</summary>
    public const string InputTokens = "gen_ai.usage.input_tokens";

    /// <summary><c>gen_ai.usage.output_tokens</c>.</summary>
    public const string OutputTokens = "gen_ai.usage.output_tokens";

    /// <summary><c>gen_ai.tool.name</c>.</summary>
    public const string ToolName = "gen_ai.tool.name";

    /// <summary><c>gen_ai.tool.call.id</c>.</summary>
    public const string ToolCallId = "gen_ai.tool.call.id";

    /// <summary><c>gen_ai.tool.type</c>: <c>function</c> (the host runs the tool).</summary>
    public const string ToolType = "gen_ai.tool.type";

    /// <summary><c>gen_ai.tool.call.arguments</c> (opt-in, sensitive).</summary>
    public const string ToolCallArguments = "gen_ai.tool.call.arguments";

    /// <summary><c>gen_ai.tool.call.result</c> (opt-in, sensitive).</summary>
    public const string ToolCallResult = "gen_ai.tool.call.result";

    /// <summary><c>error.type</c>: an exception type name or a short status name.</summary>
    public const string ErrorType = "error.type";

    /// <summary><c>agenthost.turn.id</c>: the turn's idempotency key.</summary>
    public const string TurnId = "agenthost.turn.id";

    /// <summary><c>agenthost.turn.stop_reason</c>: the stop reason's wire name (<c>endTurn</c>, <c>maxCycles</c>...).</summary>
    public const string StopReason = "agenthost.turn.stop_reason";

    /// <summary><c>agenthost.turn.cycles</c>: model calls of the turn.</summary>
    public const string Cycles = "agenthost.turn.cycles";

    /// <summary><c>agenthost.turn.tool_calls</c>: tool calls of the turn.</summary>
    public const string TurnToolCalls = "agenthost.turn.tool_calls";

    /// <summary><c>agenthost.turn.replayed</c>: true when a stored turn was returned instead of running it again.</summary>
    public const string Replayed = "agenthost.turn.replayed";

    /// <summary><c>agenthost.channel</c>: <c>VOICE</c>, <c>CHAT</c>, <c>CLI</c>...</summary>
    public const string Channel = "agenthost.channel";

    /// <summary><c>agenthost.tool.status</c>: the call's status wire name (<c>success</c>, <c>timeout</c>, <c>denied</c>...).</summary>
    public const string ToolStatus = "agenthost.tool.status";

    /// <summary><c>agenthost.tool.flags</c>: the markers middleware set on the call (e.g. <c>sanitised:injection</c>).</summary>
    public const string ToolFlags = "agenthost.tool.flags";

    /// <summary><c>agenthost.tool.flag</c>: one marker, on the <c>agenthost.tool.flags</c> counter.</summary>
    public const string ToolFlag = "agenthost.tool.flag";

    /// <summary><c>agenthost.tool.resumed</c>: true when the call resumes one suspended in an earlier turn.</summary>
    public const string ToolResumed = "agenthost.tool.resumed";

    /// <summary><c>agenthost.policy.decision</c>: the decision a policy middleware recorded (see <c>ToolCallTelemetry</c>).</summary>
    public const string PolicyDecision = "agenthost.policy.decision";

    /// <summary><c>agenthost.policy.rule</c>: the rule that decided.</summary>
    public const string PolicyRule = "agenthost.policy.rule";

    /// <summary><c>agenthost.store.operation</c>: <c>load</c>, <c>find_turn</c>, <c>append_turn</c>.</summary>
    public const string StoreOperation = "agenthost.store.operation";

    /// <summary><c>agenthost.store.type</c>: the store's type name.</summary>
    public const string StoreType = "agenthost.store.type";

    /// <summary><c>agenthost.store.outcome</c>: <c>appended</c> or <c>duplicate</c> for an append.</summary>
    public const string StoreOutcome = "agenthost.store.outcome";
}
