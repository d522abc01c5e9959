using AgentHost.Abstractions.Agents;
using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Tools;

/// <summary>
/// How a tool result says it failed, in a way every model client can read: the agent loop stamps a <c>status</c>
/// property (a <see cref="ToolCallStatus"/> wire name) that survives storage, and attaches an exception while the turn runs.
/// </summary>
public static class ToolResultStatus
{
    /// <summary>The <see cref="AIContent.AdditionalProperties"/> key holding a result's <see cref="ToolCallStatus"/> wire name.</summary>
    public const string Property = "status";

    /// <summary>True when a result reports a failure: it carries an exception, or a non-empty status other than <c>success</c>.</summary>
    public static bool IsError(FunctionResultContent result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Exception is not null
            || (result.AdditionalProperties?.TryGetValue(Property, out var status) == true
                && status?.ToString() is { Length: > 0 } text
                && !string.Equals(text, ToolCallStatus.Success.ToWireName(), StringComparison.OrdinalIgnoreCase));
    }
}
