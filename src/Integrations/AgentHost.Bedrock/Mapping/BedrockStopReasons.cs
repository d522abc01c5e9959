using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Mapping;

/// <summary>Maps every Bedrock <c>stopReason</c> to a <see cref="ChatFinishReason"/>.</summary>
public static class BedrockStopReasons
{
    /// <summary>The key under which the raw Bedrock stop reason is kept in <c>AdditionalProperties</c>.</summary>
    public const string AdditionalPropertyKey = "bedrock.stopReason";

    /// <summary>The stop reason of a call a Bedrock guardrail blocked or masked.</summary>
    public const string GuardrailIntervened = "guardrail_intervened";

    /// <summary>The stop reason that signals a context-window overflow (surfaced as an exception).</summary>
    public const string ContextWindowExceeded = "model_context_window_exceeded";

    /// <summary>
    /// Maps a stop reason: <c>end_turn</c>/<c>stop_sequence</c> -> Stop; <c>tool_use</c> -> ToolCalls;
    /// <c>max_tokens</c>/<c>model_context_window_exceeded</c> -> Length; <c>guardrail_intervened</c>/<c>content_filtered</c>
    /// -> ContentFilter; <c>malformed_model_output</c>/<c>malformed_tool_use</c> and unknown values -> a
    /// <see cref="ChatFinishReason"/> carrying the raw value.
    /// </summary>
    /// <param name="stopReason">The raw stop reason.</param>
    /// <returns>The finish reason, or <see langword="null"/> for none.</returns>
    public static ChatFinishReason? ToFinishReason(string? stopReason) => stopReason switch
    {
        null or "" => null,
        "end_turn" or "stop_sequence" => ChatFinishReason.Stop,
        "tool_use" => ChatFinishReason.ToolCalls,
        "max_tokens" or ContextWindowExceeded => ChatFinishReason.Length,
        "guardrail_intervened" or "content_filtered" => ChatFinishReason.ContentFilter,
        _ => new ChatFinishReason(stopReason),
    };
}
