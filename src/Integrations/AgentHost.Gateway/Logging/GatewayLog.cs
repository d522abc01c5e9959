using Microsoft.Extensions.Logging;

namespace AgentHost.Gateway.Logging;

/// <summary>Source-generated log messages. None of them carries a token, a secret or a tool argument value.</summary>
internal static partial class GatewayLog
{
    [LoggerMessage(5001, LogLevel.Information, "No AgentCore gateway is configured (AGENTCORE_GATEWAY_<NAME>_URL); the agent runs without gateway tools.")]
    public static partial void NoGateways(ILogger logger);

    [LoggerMessage(5002, LogLevel.Warning, "Gateway configuration problem: {Problem}")]
    public static partial void ConfigurationProblem(ILogger logger, string problem);

    [LoggerMessage(5003, LogLevel.Information, "Gateway {Gateway} listed {ToolCount} tools in {PageCount} pages.")]
    public static partial void Listed(ILogger logger, string gateway, int toolCount, int pageCount);

    [LoggerMessage(5004, LogLevel.Warning, "Gateway {Gateway} is unavailable ({Reason}); retrying in {Delay}. The host keeps running.")]
    public static partial void Unavailable(ILogger logger, string gateway, string reason, TimeSpan delay);

    [LoggerMessage(5005, LogLevel.Information, "Gateway {Gateway} announced a tool list change; refreshing.")]
    public static partial void ListChanged(ILogger logger, string gateway);

    [LoggerMessage(5006, LogLevel.Warning, "Gateway {Gateway} answered {Status}; re-authenticating, re-initialising the MCP session and retrying once.")]
    public static partial void Reinitialising(ILogger logger, string gateway, string status);

    [LoggerMessage(5007, LogLevel.Warning, "Tool name collision: {Gateway}/{Tool} wanted '{Wanted}' and is exposed as '{Assigned}'.")]
    public static partial void NameCollision(ILogger logger, string gateway, string tool, string wanted, string assigned);

    [LoggerMessage(5008, LogLevel.Information, "Gateway catalog rebuilt: {ToolCount} tools from {GatewayCount} gateways (version {Version}).")]
    public static partial void CatalogRebuilt(ILogger logger, int toolCount, int gatewayCount, long version);

    [LoggerMessage(5009, LogLevel.Warning, "Gateway {Gateway} search failed ({Reason}); falling back to local ranking.")]
    public static partial void SearchFailed(ILogger logger, string gateway, string reason);

    [LoggerMessage(5010, LogLevel.Debug, "Gateway tool {Tool} failed: {Reason}")]
    public static partial void ToolFailed(ILogger logger, string tool, string reason);

    [LoggerMessage(5011, LogLevel.Debug, "Gateway {Gateway} event stream stopped ({Reason}); change notices arrive on tool-call answers only.")]
    public static partial void EventStreamStopped(ILogger logger, string gateway, string reason);
}
