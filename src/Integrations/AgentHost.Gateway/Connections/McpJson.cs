using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>The JSON metadata of the MCP results the gateway reads, from the SDK's source-generated options (built once).</summary>
internal static class McpJson
{
    public static readonly JsonTypeInfo<ListToolsResult> ListToolsResult = Get<ListToolsResult>();

    public static readonly JsonTypeInfo<CallToolResult> CallToolResult = Get<CallToolResult>();

    public static readonly JsonTypeInfo<RequestId> RequestId = Get<RequestId>();

    public static readonly JsonTypeInfo<ProgressNotificationParams> ProgressNotification = Get<ProgressNotificationParams>();

    private static JsonTypeInfo<T> Get<T>() => (JsonTypeInfo<T>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T));
}
