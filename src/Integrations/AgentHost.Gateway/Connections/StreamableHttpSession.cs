using System.Collections.Frozen;
using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using AgentHost.Gateway.Logging;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>
/// One MCP client session over Streamable HTTP: the handshake (<c>initialize</c>, then <c>notifications/initialized</c>),
/// <c>tools/list</c> and <c>tools/call</c> as single POSTs read in the caller's flow (<see cref="StreamableHttpRequest"/>), the
/// server's event stream (the standalone GET, for change notices and pings) in the background once started
/// (<see cref="StartEventStream"/>), and closing (DELETE).
/// </summary>
/// <remarks>
/// <para>
/// Why not the SDK's <c>McpClient</c>: its session runs a message channel, a processing loop and a pending-request table, and
/// opens a second connection for its event stream while the handshake is still going on. In a starting container that work
/// competes with the rest of start-up for the cores before <c>/ping</c> can turn healthy, and on the request path its two
/// thread-pool hops per call were ~15% of the host's CPU per invocation. The wire exchange is the same (the gateway tests run
/// it against the SDK's own server transport and the TypeScript SDK's server); the SDK's protocol types (<see cref="Tool"/>,
/// <see cref="CallToolResult"/>) and their source-generated JSON are still used.
/// </para>
/// <para>
/// What the client declares: no capabilities (it offers no roots, sampling or elicitation), so a server request other than
/// <c>ping</c> is answered with "method not found". The negotiated revision must be one of <see cref="SupportedRevisions"/>
/// (and the requested one, when a revision is requested), as the SDK requires.
/// </para>
/// </remarks>
internal sealed class StreamableHttpSession : IAsyncDisposable
{
    /// <summary>The protocol revisions this client speaks, oldest first.</summary>
    public static readonly FrozenSet<string> SupportedRevisions = FrozenSet.Create(StringComparer.Ordinal, "2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");

    /// <summary>The revision requested when none is configured.</summary>
    public const string LatestRevision = "2025-11-25";

    /// <summary>Consecutive failures after which the event stream is given up (the session works without it).</summary>
    public const int MaxEventStreamFailures = 5;

    private static readonly TimeSpan MaxEventStreamDelay = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly string _gatewayName;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _closing = new();
    private readonly Lock _eventStreamLock = new();
    private Task? _eventStream;
    private int _disposed;

    private StreamableHttpSession(HttpClient http, Uri endpoint, string gatewayName, ILogger logger, SessionContext context, InitializeResult server)
    {
        _http = http;
        _endpoint = endpoint;
        _gatewayName = gatewayName;
        _logger = logger;
        Context = context;
        Server = server;
    }

    /// <summary>The session id, the negotiated revision and the callbacks every request carries.</summary>
    public SessionContext Context { get; }

    /// <summary>What the server said about itself in its <c>initialize</c> reply.</summary>
    public InitializeResult Server { get; }

    /// <summary>The server's session id, or <see langword="null"/> for a server without sessions.</summary>
    public string? SessionId => Context.SessionId;

    /// <summary>The negotiated protocol revision.</summary>
    public string ProtocolVersion => Context.ProtocolVersion!;

    /// <summary>Initialises a session: <c>initialize</c>, then <c>notifications/initialized</c>.</summary>
    /// <param name="http">The gateway's HTTP client (its handlers authenticate the requests).</param>
    /// <param name="endpoint">The gateway's MCP endpoint.</param>
    /// <param name="gatewayName">The gateway's name (for the logs).</param>
    /// <param name="requestedVersion">The revision to request; <see langword="null"/> requests <see cref="LatestRevision"/> and accepts any supported answer.</param>
    /// <param name="onListChanged">Called for every <c>notifications/tools/list_changed</c>, from any stream.</param>
    /// <param name="logger">Where the event stream reports that it stopped.</param>
    /// <param name="cancellationToken">Cancels the handshake.</param>
    /// <exception cref="McpException">The server negotiated a revision this client does not speak, or answered without a reply.</exception>
    /// <exception cref="HttpRequestException">The server answered with a non-success status (401 and 404 carry it).</exception>
    public static async Task<StreamableHttpSession> OpenAsync(
        HttpClient http,
        Uri endpoint,
        string gatewayName,
        string? requestedVersion,
        Action onListChanged,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        StreamableHttpSession? session = null;
        var pending = new SessionContext(null, null, onListChanged, static _ => { });
        string? sessionId = null;
        var version = requestedVersion ?? LatestRevision;
        var result = await StreamableHttpRequest.SendAsync(
            http,
            endpoint,
            pending,
            RequestMethods.Initialize,
            writer =>
            {
                writer.WriteString("protocolVersion"u8, version);
                writer.WriteStartObject("capabilities"u8);
                writer.WriteEndObject();
                writer.WriteStartObject("clientInfo"u8);
                writer.WriteString("name"u8, "AgentHost"u8);
                writer.WriteString("version"u8, "1.0.0"u8);
                writer.WriteEndObject();
            },
            McpTypes.InitializeResult,
            cancellationToken,
            response => sessionId = response.Headers.TryGetValues("Mcp-Session-Id", out var values) ? values.FirstOrDefault() : null).ConfigureAwait(false);

        var negotiated = result.ProtocolVersion;
        if (requestedVersion is not null ? negotiated != requestedVersion : !SupportedRevisions.Contains(negotiated))
        {
            throw new McpException(
                $"The gateway negotiated MCP revision '{negotiated}', which this client does not accept (requested '{version}'; supported: {string.Join(", ", SupportedRevisions)}).");
        }

        var context = new SessionContext(sessionId, negotiated, onListChanged, id => _ = session?.AnnounceCancellationAsync(id));
        session = new StreamableHttpSession(http, endpoint, gatewayName, logger, context, result);
        try
        {
            await StreamableHttpRequest.NotifyAsync(http, endpoint, context, NotificationMethods.InitializedNotification, writeParams: null, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return session;
    }

    /// <summary>
    /// Opens the server's event stream in the background unless it is open already, without the caller's execution context.
    /// Called after the first listing, so that opening it does not compete with the handshake and the listing that readiness
    /// waits for.
    /// </summary>
    public void StartEventStream()
    {
        lock (_eventStreamLock)
        {
            if (_eventStream is null && Volatile.Read(ref _disposed) == 0)
            {
                // Without the caller's execution context: the stream outlives the call that starts it and must not carry
                // that call's inbound Authorization (or anything else it holds in async-locals).
                using (ExecutionContext.SuppressFlow())
                {
                    _eventStream = Task.Run(ReadEventStreamAsync, CancellationToken.None);
                }
            }
        }
    }

    /// <summary>Lists one page of the server's tools.</summary>
    public Task<ListToolsResult> ListToolsAsync(string? cursor, CancellationToken cancellationToken) =>
        StreamableHttpRequest.SendAsync(
            _http,
            _endpoint,
            Context,
            RequestMethods.ToolsList,
            cursor is null ? static _ => { } : writer => writer.WriteString("cursor"u8, cursor),
            McpTypes.ListToolsResult,
            cancellationToken);

    /// <summary>Calls a tool by its name on the server.</summary>
    public Task<CallToolResult> CallToolAsync(string name, IReadOnlyDictionary<string, JsonElement> arguments, CancellationToken cancellationToken) =>
        StreamableHttpToolCall.SendAsync(_http, _endpoint, Context, name, arguments, cancellationToken);

    /// <summary>Stops the event stream and closes the session on the server (DELETE, best effort, at most 5 seconds).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Task? events;
        lock (_eventStreamLock)
        {
            events = _eventStream;
        }

        await _closing.CancelAsync().ConfigureAwait(false);
        if (events is not null)
        {
            await events.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (SessionId is not null)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                using var request = StreamableHttpRequest.CreateRequest(_endpoint, Context, HttpMethod.Delete);
                using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Closing a session is best effort: the server expires it anyway.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }

        _closing.Dispose();
    }

    /// <summary>Tells the server a request was cancelled (best effort, bounded, never throws).</summary>
    private async Task AnnounceCancellationAsync(string requestId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await StreamableHttpRequest.NotifyAsync(
                _http,
                _endpoint,
                Context,
                NotificationMethods.CancelledNotification,
                writer =>
                {
                    writer.WriteString("requestId"u8, requestId);
                    writer.WriteString("reason"u8, "The tool call was cancelled or timed out."u8);
                },
                timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Announcing a cancellation is best effort: the caller already has its OperationCanceledException.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    /// <summary>
    /// The standalone GET stream: change notices and server requests that are not answers to a request. A server that offers
    /// none (405) or does not know the session (404) ends it; a stream that ends or breaks is reopened (with <c>Last-Event-ID</c>
    /// when the server gave event ids) after the server's <c>retry</c> interval or one second, doubling per consecutive failure
    /// up to 30 seconds; after <see cref="MaxEventStreamFailures"/> consecutive failures it is given up.
    /// </summary>
    private async Task ReadEventStreamAsync()
    {
        var cancellationToken = _closing.Token;
        string? lastEventId = null;
        var retry = TimeSpan.FromSeconds(1);
        var failures = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            string? stopReason = null;
            try
            {
                using var request = StreamableHttpRequest.CreateRequest(_endpoint, Context, HttpMethod.Get);
                if (lastEventId is not null)
                {
                    request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
                }

                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound)
                {
                    stopReason = $"HTTP {(int)response.StatusCode}";
                }
                else if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != StreamableHttpRequest.EventStreamMediaType)
                {
                    failures++;
                }
                else
                {
                    var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    await using (stream.ConfigureAwait(false))
                    {
                        var parser = SseParser.Create(stream, (_, data) =>
                        {
                            StreamableHttpRequest.ReadEventStreamMessage(_http, _endpoint, Context, data);
                            return true;
                        });
                        await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
                        {
                            failures = 0;
                            lastEventId = string.IsNullOrEmpty(item.EventId) ? lastEventId : item.EventId;
                            retry = item.ReconnectionInterval ?? retry;
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The event stream is optional: a broken one is retried, then given up, never fatal.
            catch (Exception)
#pragma warning restore CA1031
            {
                failures++;
            }

            if (stopReason is null && failures >= MaxEventStreamFailures)
            {
                stopReason = $"{failures} failures in a row";
            }

            if (stopReason is not null)
            {
                GatewayLog.EventStreamStopped(_logger, _gatewayName, stopReason);
                return;
            }

            var delay = failures == 0 ? retry : TimeSpan.FromTicks(Math.Min(MaxEventStreamDelay.Ticks, retry.Ticks << Math.Min(failures, 10)));
            try
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
