namespace AgentHost.Gateway.Tools;

/// <summary>Keys of <see cref="Microsoft.Extensions.AI.AITool.AdditionalProperties"/> on gateway tools (for allow/deny lists, audit and the CLI).</summary>
public static class GatewayToolProperties
{
    /// <summary>The tool's original name at the gateway (e.g. <c>target___tool</c>), a <see cref="string"/>.</summary>
    public const string ToolName = "gatewayToolName";

    /// <summary>The configured name of the gateway that serves the tool, a <see cref="string"/>.</summary>
    public const string GatewayName = "gatewayName";
}
