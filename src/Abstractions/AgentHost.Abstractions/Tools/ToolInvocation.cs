using AgentHost.Abstractions.Agents;
using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Tools;

/// <summary>
/// What a tool receives besides its arguments, through <see cref="AIFunctionArguments.Context"/>: the invocation (session,
/// caller, credential, deadline) and the arguments already serialised once. The agent loop sets both for every call.
/// </summary>
public static class ToolInvocation
{
    /// <summary>The <see cref="AIFunctionArguments.Context"/> key of the <see cref="InvocationContext"/>.</summary>
    public static readonly object InvocationKey = typeof(InvocationContext);

    /// <summary>The <see cref="AIFunctionArguments.Context"/> key of the arguments as one JSON object (<see cref="System.Text.Json.JsonElement"/>).</summary>
    public static readonly object ArgumentsJsonKey = new ArgumentsJsonMarker();

    /// <summary>The invocation the call belongs to, or null when the function is invoked outside the agent loop.</summary>
    public static InvocationContext? GetInvocation(this AIFunctionArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.Context is { } context && context.TryGetValue(InvocationKey, out var value) ? value as InvocationContext : null;
    }

    /// <summary>The arguments as one JSON object when the loop serialised them already, else null.</summary>
    public static System.Text.Json.JsonElement? GetArgumentsJson(this AIFunctionArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.Context is { } context && context.TryGetValue(ArgumentsJsonKey, out var value) && value is System.Text.Json.JsonElement json ? json : null;
    }

    private sealed class ArgumentsJsonMarker
    {
        public override string ToString() => "AgentHost.ArgumentsJson";
    }
}
