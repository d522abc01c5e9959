using Microsoft.Extensions.Logging;

namespace AgentHost.DevGateway.Logging;

/// <summary>Source-generated log messages of the development gateway. Never logs tokens or argument values.</summary>
internal static partial class DevGatewayLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Development gateway listening on {Endpoint} with {ToolCount} tools (bearer token required: {TokenRequired})")]
    public static partial void Started(ILogger logger, Uri endpoint, int toolCount, bool tokenRequired);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Debug, Message = "Tool {ToolName} called")]
    public static partial void ToolCalled(ILogger logger, string toolName);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Information, Message = "Tool {ToolName} failed: {Reason}")]
    public static partial void ToolFailed(ILogger logger, string toolName, string reason);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Rejected an MCP request without a valid bearer token from {RemoteAddress}")]
    public static partial void Unauthorized(ILogger logger, string remoteAddress);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Debug, Message = "Rejected a malformed MCP request body")]
    public static partial void MalformedRequest(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Information, Message = "Development gateway on {Endpoint} stopped")]
    public static partial void Stopped(ILogger logger, Uri endpoint);
}
