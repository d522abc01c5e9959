using AgentHost.Abstractions.Tools;
using AgentHost.Control.Policy;

namespace AgentHost.Control.Middleware;

/// <summary>What the control layer reads from a tool call: names, annotations, the policy request.</summary>
internal static class ToolCallFacts
{
    /// <summary>The key under which gateway tools carry their gateway name (<c>target___tool</c>).</summary>
    public const string GatewayToolNameProperty = "gatewayToolName";

    /// <summary>The policy request for the call: tool names, annotations, the caller's profile (trusted sources only), channel, arguments.</summary>
    public static PolicyRequest PolicyRequest(ToolCallContext context) => new()
    {
        ToolName = context.ToolName,
        AlternateNames = GatewayName(context) is { } name && !string.Equals(name, context.ToolName, StringComparison.Ordinal) ? [name] : [],
        Annotations = ToolHintReader.Read(context.Tool),
        Profile = context.Invocation.Caller?.Profile,
        Channel = context.Invocation.Channel,
        Arguments = context.ArgumentsJson,
    };

    /// <summary>True when the tool says it is read-only.</summary>
    public static bool IsReadOnly(ToolCallContext context) => ToolHintReader.Read(context.Tool).ReadOnly;

    private static string? GatewayName(ToolCallContext context) =>
        context.Tool?.AdditionalProperties is { } properties && properties.TryGetValue(GatewayToolNameProperty, out var value) ? value as string : null;
}
