using System.Text.Json.Serialization;

namespace AgentHost.AgentCore.Contracts;

/// <summary>The JSON response of <c>POST /invocations</c> (also the data of the final <c>done</c> SSE event).</summary>
public sealed class InvocationResponse
{
    /// <summary>The session id.</summary>
    [JsonPropertyName("sessionId")]
    public required string SessionId { get; init; }

    /// <summary>The turn id (the idempotency key to send again on retry).</summary>
    [JsonPropertyName("turnId")]
    public required string TurnId { get; init; }

    /// <summary>The assistant's answer.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init; }

    /// <summary>What ended the turn (<c>endTurn</c>, <c>maxCycles</c>, <c>deadline</c>...; see <see cref="InvocationStopReasons"/>). A string: accept values you do not know.</summary>
    [JsonPropertyName("stopReason")]
    public required string StopReason { get; init; }

    /// <summary>The tool calls of the turn.</summary>
    [JsonPropertyName("toolCalls")]
    public required IReadOnlyList<ToolCallSummary> ToolCalls { get; init; }

    /// <summary>Token usage summed over the turn.</summary>
    [JsonPropertyName("usage")]
    public required UsageSummary Usage { get; init; }

    /// <summary>The number of model calls.</summary>
    [JsonPropertyName("cycles")]
    public required int Cycles { get; init; }

    /// <summary>True when this is the stored result of an earlier run of the same turn id.</summary>
    [JsonPropertyName("replayed")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Replayed { get; init; }

    /// <summary>Why the turn failed, when <see cref="StopReason"/> is <c>error</c>.</summary>
    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }
}
