using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.Gateway.Tests.Support;

/// <summary>
/// A real MCP server over Streamable HTTP (stateful sessions) on 127.0.0.1, built on the C# SDK's <see cref="StreamableHttpServerTransport"/>.
/// Configurable to paginate, announce list changes, require bearer tokens (with a token endpoint) or SigV4, expire tokens (401),
/// drop sessions (404) and offer the gateway search tool.
/// </summary>
internal sealed partial class TestMcpServer : IAsyncDisposable
{
    private static readonly JsonTypeInfo<JsonRpcMessage> MessageType = (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _validTokens = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _toolsLock = new();
    private List<Tool> _tools;
    private WebApplication? _app;
    private int _tokenCounter;
    private int _listCalls;
    private int _callCalls;
    private int _cancelledCalls;
    private int _cancelNotices;
    private int _searchCalls;
    private int _initializes;
    private int _eventStreams;
    private int _tokenRequests;
    private int _unauthorized;
    private int _sessionNotFound;
    private int _disposed;

    public TestMcpServer(IEnumerable<Tool> tools) => _tools = tools.ToList();

    public Uri Url { get; private set; } = null!;

    public Uri TokenUrl => new(Url, "/token");

    public int Port { get; private set; }

    public int? PageSize { get; set; }

    public bool OfferSearchTool { get; set; }

    public AuthMode Auth { get; set; }

    public int TokenLifetimeSeconds { get; set; } = 3600;

    public string ClientId { get; set; } = "agent-client";

    public string ClientSecret { get; set; } = "client-secret-value";

    public string SigningRegion { get; set; } = "us-west-2";

    public int ListCalls => Volatile.Read(ref _listCalls);

    public int CallCalls => Volatile.Read(ref _callCalls);

    /// <summary>Tool calls whose handler saw its cancellation token fire.</summary>
    public int CancelledCalls => Volatile.Read(ref _cancelledCalls);

    /// <summary>The JSON-RPC ids of the <c>tools/call</c> requests received, in order.</summary>
    public ConcurrentQueue<string> CallRequestIds { get; } = new();

    /// <summary>The request ids named by the <c>notifications/cancelled</c> messages received, in order.</summary>
    public ConcurrentQueue<string> CancelledRequestIds { get; } = new();

    /// <summary><c>notifications/cancelled</c> messages received from clients.</summary>
    public int CancelNotices => Volatile.Read(ref _cancelNotices);

    public int SearchCalls => Volatile.Read(ref _searchCalls);

    public int Initializes => Volatile.Read(ref _initializes);

    /// <summary>Standalone GET streams opened (authorised, on a known session).</summary>
    public int EventStreams => Volatile.Read(ref _eventStreams);

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public int Unauthorized => Volatile.Read(ref _unauthorized);

    public int SessionNotFound => Volatile.Read(ref _sessionNotFound);

    public int OpenSessions => _sessions.Count;

    /// <summary>Every request's Authorization header (bearer or SigV4), in order.</summary>
    public ConcurrentQueue<string> AuthorizationHeaders { get; } = new();

    /// <summary>Every tools/call: name and arguments JSON.</summary>
    public ConcurrentQueue<(string Name, string Arguments)> Calls { get; } = new();

    public static async Task<TestMcpServer> StartAsync(IEnumerable<Tool> tools, Action<TestMcpServer>? configure = null, int port = 0)
    {
        var server = new TestMcpServer(tools);
        configure?.Invoke(server);
        await server.StartOnPortAsync(port);
        return server;
    }

    /// <summary>A free loopback port (for a server that starts later).</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task StartOnPortAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/mcp", HandlePostAsync);
        app.MapGet("/mcp", HandleGetAsync);
        app.MapDelete("/mcp", HandleDeleteAsync);
        app.MapPost("/token", HandleTokenAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Url = new Uri(new Uri(address), "/mcp");
        Port = Url.Port;
        _app = app;
    }

    public void SetTools(IEnumerable<Tool> tools)
    {
        lock (_toolsLock)
        {
            _tools = tools.ToList();
        }
    }

    public void ExpireTokens() => _validTokens.Clear();

    public void AcceptToken(string token) => _validTokens[token] = 0;

    public void DropSessions() => _sessions.Clear();

    public async Task NotifyToolsChangedAsync()
    {
        foreach (var session in _sessions.Values)
        {
            await session.Server.SendNotificationAsync(NotificationMethods.ToolListChangedNotification, _stopping.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        foreach (var session in _sessions.Values)
        {
            await session.DisposeAsync();
        }

        _sessions.Clear();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task HandlePostAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context);
        if (!Authorize(context, body))
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
            return;
        }

        var message = JsonSerializer.Deserialize(body, MessageType)!;
        if (message is JsonRpcNotification { Method: NotificationMethods.CancelledNotification } cancelled)
        {
            CancelledRequestIds.Enqueue(cancelled.Params?["requestId"]?.ToString() ?? "");
            Interlocked.Increment(ref _cancelNotices);
        }
        else if (message is JsonRpcRequest { Method: RequestMethods.ToolsCall } call)
        {
            CallRequestIds.Enqueue(call.Id.ToString());
        }

        var protocolVersion = context.Request.Headers["MCP-Protocol-Version"].ToString();
        if (protocolVersion.Length > 0)
        {
            message.Context ??= new JsonRpcMessageContext();
            message.Context.ProtocolVersion = protocolVersion;
        }

        var sessionId = context.Request.Headers["Mcp-Session-Id"].ToString();
        Session? session;
        if (sessionId.Length == 0)
        {
            if (message is not JsonRpcRequest { Method: RequestMethods.Initialize })
            {
                await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Bad Request: no session");
                return;
            }

            session = CreateSession();
            Interlocked.Increment(ref _initializes);
        }
        else if (!_sessions.TryGetValue(sessionId, out session))
        {
            Interlocked.Increment(ref _sessionNotFound);
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "Session not found");
            return;
        }

        context.Response.Headers["Mcp-Session-Id"] = session.Id;
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache,no-store";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        var wrote = await session.Transport.HandlePostRequestAsync(message, context.Response.Body, context.RequestAborted);
        if (!wrote && !context.Response.HasStarted)
        {
            context.Response.Headers.ContentType = (string?)null;
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        }
    }

    private async Task HandleGetAsync(HttpContext context)
    {
        if (!Authorize(context, []))
        {
            await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized");
            return;
        }

        if (!_sessions.TryGetValue(context.Request.Headers["Mcp-Session-Id"].ToString(), out var session))
        {
            await WriteErrorAsync(context, StatusCodes.Status404NotFound, "Session not found");
            return;
        }

        Interlocked.Increment(ref _eventStreams);
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache,no-store";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await context.Response.Body.FlushAsync(context.RequestAborted);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await session.Transport.HandleGetRequestAsync(context.Response.Body, linked.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task HandleDeleteAsync(HttpContext context)
    {
        if (_sessions.TryRemove(context.Request.Headers["Mcp-Session-Id"].ToString(), out var session))
        {
            await session.DisposeAsync();
        }
    }

    private Session CreateSession()
    {
        var id = Guid.NewGuid().ToString("N");
        var transport = new StreamableHttpServerTransport(NullLoggerFactory.Instance) { SessionId = id };
        var server = McpServer.Create(transport, CreateServerOptions(), NullLoggerFactory.Instance);
        var session = new Session(id, transport, server, server.RunAsync(_stopping.Token));
        _sessions[id] = session;
        return session;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync($$"""{"jsonrpc":"2.0","error":{"code":-32000,"message":"{{text}}"},"id":null}""");
    }

    private sealed record Session(string Id, StreamableHttpServerTransport Transport, McpServer Server, Task Run) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Transport.DisposeAsync();
            await Server.DisposeAsync();
        }
    }
}
