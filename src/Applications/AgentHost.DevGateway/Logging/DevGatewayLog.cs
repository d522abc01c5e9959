using Microsoft.Extensions.Logging;

namespace AgentHost.DevGateway.Logging;

/// <summary>Source-generated log messages of the development gateway. Never logs tokens or argument values.</summary>
internal static partial class DevGatewayLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Development gateway listening on {Endpoint} with {ToolCount} tools (bearer token required: {TokenRequired})")]
    public static partial void Started(ILogger logger, Uri endpoint, int toolCount, bool tokenRequired);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "Tool {ToolName} called")]
    public static partial void ToolCalled(ILogger logger, string toolName);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Tool {ToolName} failed: {Reason}")]
    public static partial void ToolFailed(ILogger logger, string toolName, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Rejected an MCP request without a valid bearer token from {RemoteAddress}")]
    public static partial void Unauthorized(ILogger logger, string remoteAddress);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Rejected a malformed MCP request body")]
    public static partial void MalformedRequest(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Development gateway on {Endpoint} stopped")]
    public static partial void Stopped(ILogger logger, Uri endpoint);
}
