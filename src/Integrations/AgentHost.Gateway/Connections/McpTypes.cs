using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>The JSON metadata of the MCP messages the client reads, from the SDK's source-generated options (built once).</summary>
internal static class McpTypes
{
    public static readonly JsonTypeInfo<InitializeResult> InitializeResult = Get<InitializeResult>();

    public static readonly JsonTypeInfo<ListToolsResult> ListToolsResult = Get<ListToolsResult>();

    public static readonly JsonTypeInfo<CallToolResult> CallToolResult = Get<CallToolResult>();

    public static readonly JsonTypeInfo<JsonRpcErrorDetail> ErrorDetail = Get<JsonRpcErrorDetail>();

    private static JsonTypeInfo<T> Get<T>() => (JsonTypeInfo<T>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(T));
}
