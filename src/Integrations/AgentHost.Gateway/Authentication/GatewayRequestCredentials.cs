using System.Net.Http.Json;
using AgentHost.Abstractions.Agents;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Authentication;

/// <summary>
/// Carries the invocation (with its caller's <c>Authorization</c> and workload access token) explicitly from the place an MCP
/// request is made to the authentication handler that sends it: the gateway attaches it to the JSON-RPC request's
/// <see cref="JsonRpcMessage.Context"/>, the SDK's Streamable HTTP transport sends that message as the HTTP request's
/// <see cref="JsonContent"/>, and <see cref="GatewayAuthenticationHandler"/> reads it back from there. Requests the SDK makes on
/// its own (the event stream's GET, DELETE, notifications) carry none, so background work never sees a caller's credential.
/// </summary>
internal static class GatewayRequestCredentials
{
    /// <summary>The <see cref="JsonRpcMessageContext.Items"/> key of the <see cref="InvocationContext"/>.</summary>
    public const string InvocationKey = "AgentHost.Invocation";

    /// <summary>Attaches <paramref name="invocation"/> to <paramref name="request"/> (nothing when it is null).</summary>
    public static void Attach(JsonRpcMessage request, InvocationContext? invocation)
    {
        if (invocation is null)
        {
            return;
        }

        request.Context ??= new JsonRpcMessageContext();
        request.Context.Items ??= new Dictionary<string, object?>(StringComparer.Ordinal);
        request.Context.Items[InvocationKey] = invocation;
    }

    /// <summary>The JSON-RPC message an HTTP request carries, or null (a GET, a DELETE, another body).</summary>
    public static JsonRpcMessage? Message(HttpRequestMessage request) => (request.Content as JsonContent)?.Value as JsonRpcMessage;

    /// <summary>The invocation attached to the message of <paramref name="request"/>, or null.</summary>
    public static InvocationContext? Invocation(HttpRequestMessage request) =>
        Message(request)?.Context?.Items is { } items && items.TryGetValue(InvocationKey, out var value) ? value as InvocationContext : null;

    /// <summary>Whether the message opens a session (<c>initialize</c>, <c>notifications/initialized</c>, <c>server/discover</c>).</summary>
    public static bool IsHandshake(JsonRpcMessage? message) => message switch
    {
        JsonRpcRequest { Method: RequestMethods.Initialize or RequestMethods.ServerDiscover } => true,
        JsonRpcNotification { Method: NotificationMethods.InitializedNotification } => true,
        _ => false,
    };
}
