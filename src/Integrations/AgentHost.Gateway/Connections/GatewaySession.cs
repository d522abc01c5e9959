using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Tools;
using AgentHost.Gateway.Authentication;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>
/// One MCP client session with a gateway, on the C# SDK's <see cref="McpClient"/> over its Streamable HTTP transport
/// (<see cref="HttpClientTransport"/>) and the gateway's HTTP pipeline (authentication as <see cref="HttpMessageHandler"/>s).
/// </summary>
/// <remarks>
/// <para>
/// The SDK negotiates the protocol revision (with none configured it probes the sessionless 2026-07-28 revision with
/// <c>server/discover</c> and falls back to the <c>initialize</c> handshake), runs the session's event stream (the standalone
/// GET, with <c>Last-Event-ID</c> resumption and the server's <c>retry</c> interval), resumes an answer's stream that ends
/// before the reply, sends <c>notifications/cancelled</c> when a request is cancelled, answers <c>ping</c>, and answers every
/// other server request (sampling, elicitation, roots: the client declares none of those capabilities) with a JSON-RPC
/// "method not found" error, which ends that server request but not the call it belongs to.
/// </para>
/// <para>
/// Listings and calls are sent as JSON-RPC requests built here so that each carries the invocation it is made for
/// (<see cref="GatewayRequestCredentials"/>): pass-through and AgentCore Identity credentials then reach the authentication
/// handler explicitly, request by request, and never reach background work. A call's progress notifications are routed by
/// their progress token to the call's <see cref="IProgress{T}"/>.
/// </para>
/// </remarks>
internal sealed class GatewaySession : IAsyncDisposable
{
    private static long s_lastId;
    private readonly ConcurrentDictionary<string, IProgress<ToolProgress>> _progress = new(StringComparer.Ordinal);
    private McpClient? _client;

    private GatewaySession()
    {
    }

    /// <summary>The negotiated protocol revision.</summary>
    public string? ProtocolVersion => _client?.NegotiatedProtocolVersion;

    /// <summary>The server's session id (<c>Mcp-Session-Id</c>), or null for a sessionless revision or server.</summary>
    public string? SessionId => _client?.SessionId;

    /// <summary>Connects: negotiates the revision and, for the session revisions, sends <c>initialize</c> and <c>notifications/initialized</c>.</summary>
    /// <param name="http">The gateway's HTTP client (its handlers authenticate the requests). Not disposed by the session.</param>
    /// <param name="endpoint">The gateway's MCP endpoint.</param>
    /// <param name="name">The gateway's name (the transport's name in the SDK's logs).</param>
    /// <param name="protocolVersion">The revision to request; null negotiates the newest both sides speak.</param>
    /// <param name="eventStream">Whether to open the server's event stream (not for gateways only an invocation can authenticate).</param>
    /// <param name="onListChanged">Called for every <c>notifications/tools/list_changed</c>.</param>
    /// <param name="loggerFactory">The SDK's logs.</param>
    /// <param name="configure">Changes the SDK client options (tests).</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    public static async Task<GatewaySession> OpenAsync(
        HttpClient http,
        Uri endpoint,
        string name,
        string? protocolVersion,
        bool eventStream,
        Action onListChanged,
        ILoggerFactory loggerFactory,
        Action<McpClientOptions>? configure,
        CancellationToken cancellationToken)
    {
        var session = new GatewaySession();
        var transport = new HttpClientTransport(
            new HttpClientTransportOptions
            {
                Endpoint = endpoint,
                Name = name,
                TransportMode = HttpTransportMode.StreamableHttp,
                EnableStandaloneGetStream = eventStream,
            },
            http,
            loggerFactory,
            ownsHttpClient: false);
        var options = new McpClientOptions
        {
            ClientInfo = new Implementation { Name = "AgentHost", Version = "1.0.0" },
            ProtocolVersion = protocolVersion,
            Handlers = new McpClientHandlers
            {
                NotificationHandlers =
                [
                    new(NotificationMethods.ToolListChangedNotification, (_, _) =>
                    {
                        onListChanged();
                        return default;
                    }),
                    new(NotificationMethods.ProgressNotification, (notification, _) =>
                    {
                        session.OnProgress(notification);
                        return default;
                    }),
                ],
            },
        };
        configure?.Invoke(options);
        session._client = await McpClient.CreateAsync(transport, options, loggerFactory, cancellationToken).ConfigureAwait(false);
        return session;
    }

    /// <summary>Lists one page of the server's tools.</summary>
    public async Task<ListToolsResult> ListToolsAsync(string? cursor, InvocationContext? invocation, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject();
        if (cursor is not null)
        {
            parameters["cursor"] = cursor;
        }

        var request = new JsonRpcRequest { Method = RequestMethods.ToolsList, Params = parameters };
        GatewayRequestCredentials.Attach(request, invocation);
        var response = await Client.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
        var result = JsonSerializer.Deserialize(response.Result, McpJson.ListToolsResult) ?? throw new McpException("The gateway's tools/list result is null.");
        Client.AddKnownTools(result.Tools);
        return result;
    }

    /// <summary>Calls a tool by its name on the server, with the arguments as one JSON object (written as they are).</summary>
    public async Task<CallToolResult> CallToolAsync(
        string name, JsonElement arguments, InvocationContext? invocation, IProgress<ToolProgress>? progress, CancellationToken cancellationToken)
    {
        var parameters = new JsonObject
        {
            ["name"] = name,
            ["arguments"] = arguments.ValueKind == JsonValueKind.Object ? JsonObject.Create(arguments) : new JsonObject(),
        };
        string? token = null;
        if (progress is not null)
        {
            token = NextId();
            parameters["_meta"] = new JsonObject { ["progressToken"] = token };
            _progress[token] = progress;
        }

        // An id of our own (the SDK keeps a given id): a cancelled call is announced with it.
        var request = new JsonRpcRequest { Id = new RequestId(NextId()), Method = RequestMethods.ToolsCall, Params = parameters };
        GatewayRequestCredentials.Attach(request, invocation);
        try
        {
            var response = await Client.SendRequestAsync(request, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(response.Result, McpJson.CallToolResult) ?? throw new McpException("The gateway's tools/call result is null.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The SDK announces a cancellation only once the request's POST has completed; a call still reading its answer
            // stream is cancelled by closing the connection, which does not cancel a Streamable HTTP request. Say it explicitly.
            _ = AnnounceCancellationAsync(request.Id, invocation);
            throw;
        }
        finally
        {
            if (token is not null)
            {
                _progress.TryRemove(token, out _);
            }
        }
    }

    /// <summary>Stops the event stream and closes the session on the server (DELETE, for a session revision).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _client, null) is { } client)
        {
            await client.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>A request id or progress token in a namespace of its own (<c>agenthost-N</c>; the SDK numbers its own requests).</summary>
    private static string NextId() => "agenthost-" + Interlocked.Increment(ref s_lastId).ToString(CultureInfo.InvariantCulture);

    /// <summary>Sends <c>notifications/cancelled</c> for a request (best effort, bounded, never throws), with the request's invocation.</summary>
    private async Task AnnounceCancellationAsync(RequestId requestId, InvocationContext? invocation)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var notification = new JsonRpcNotification
            {
                Method = NotificationMethods.CancelledNotification,
                Params = new JsonObject
                {
                    ["requestId"] = JsonSerializer.SerializeToNode(requestId, McpJson.RequestId),
                    ["reason"] = "The tool call was cancelled or timed out.",
                },
            };
            GatewayRequestCredentials.Attach(notification, invocation);

            await Client.SendMessageAsync(notification, timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Announcing a cancellation is best effort: the caller already has its OperationCanceledException.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private McpClient Client => _client ?? throw new ObjectDisposedException(nameof(GatewaySession));

    private void OnProgress(JsonRpcNotification notification)
    {
        if (notification.Params is null || _progress.IsEmpty)
        {
            return;
        }

        var value = JsonSerializer.Deserialize(notification.Params, McpJson.ProgressNotification);
        if (value?.ProgressToken.ToString() is { } token && _progress.TryGetValue(token, out var sink))
        {
            sink.Report(new ToolProgress(value.Progress.Progress, value.Progress.Total, value.Progress.Message));
        }
    }
}
