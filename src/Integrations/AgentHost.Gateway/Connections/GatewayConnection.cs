using System.Net;
using System.Text.Json;
using AgentHost.Gateway.Authentication;
using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.Logging;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>
/// One gateway's MCP client: connects lazily (a <see cref="StreamableHttpSession"/>), lists the catalog (all pages), calls tools,
/// and after a 401 or 404 drops the token, re-initialises the session and retries the operation once. Thread-safe.
/// </summary>
internal sealed partial class GatewayConnection : IAsyncDisposable
{
    private const int MaxPages = 1000;
    private readonly GatewayToolOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly ClientCredentialsTokenSource? _tokens;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private StreamableHttpSession? _session;
    private long _generation;
    private TaskCompletionSource _refreshSignal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly Lock _firstRefreshLock = new();
    private (Task Refresh, Task Signal)? _firstRefresh;
    private long _listCalls;
    private long _sessions;

    public GatewayConnection(GatewayOptions gateway, GatewayToolOptions options, GatewayConnectionServices services)
    {
        Gateway = gateway;
        _options = options;
        _logger = services.LoggerFactory.CreateLogger("AgentHost.Gateway");
        _time = services.TimeProvider;
        var primary = services.PrimaryHandlerFactory();
        if (gateway.AuthType == GatewayAuthType.CustomJwt)
        {
            _tokens = new ClientCredentialsTokenSource(gateway, options.TokenRefreshSkew, _time, services.PrimaryHandlerFactory());
        }

        var handler = GatewayHttpPipeline.Create(gateway, _tokens, services.InboundAuthorization, services.AwsCredentials, _time, primary);
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public GatewayOptions Gateway { get; }

    /// <summary>
    /// A CUSTOM_JWT gateway with pass-through and no client credentials: only an inbound <c>Authorization</c> header can
    /// authenticate, so it is listed in the flow of an invocation (first use, after a change notice, after the TTL), never in the background.
    /// </summary>
    public bool ListsWithInboundAuthorization =>
        Gateway.AuthType == GatewayAuthType.CustomJwt && Gateway.PassThroughAuthorization && _tokens?.IsConfigured != true;

    /// <summary>Whether a change notice arrived since the last listing started.</summary>
    public bool RefreshRequested => Volatile.Read(ref _refreshSignal).Task.IsCompleted;

    public string Name => Gateway.Name;

    /// <summary>The last listed catalog (kept while the gateway is down).</summary>
    public IReadOnlyList<Tool> Tools { get; private set; } = [];

    public bool IsConnected => Volatile.Read(ref _session) is not null;

    public bool HasListed { get; private set; }

    /// <summary>Whether a listing has reached the merged catalog.</summary>
    public bool IsPublished { get; private set; }

    public long ListCalls => Interlocked.Read(ref _listCalls);

    public long Sessions => Interlocked.Read(ref _sessions);

    public long TokenFetches => _tokens?.Fetches ?? 0;

    public string? LastError { get; private set; }

    public DateTimeOffset? LastRefresh { get; private set; }

    public DateTimeOffset? LastAttempt { get; private set; }

    /// <summary>Raised after every successful listing.</summary>
    public event EventHandler? CatalogChanged;

    /// <summary>Raised after every listing attempt, successful or not (after <see cref="LastError"/> and <see cref="IsPublished"/> are set).</summary>
    public event EventHandler? RefreshAttempted;

    /// <summary>
    /// Starts the first listing now unless it has started already, and returns it with the change signal that was reset just
    /// before it. Lets the host list its tools while the rest of start-up proceeds; the refresh loop awaits the same listing.
    /// The listing stops when the connection is disposed.
    /// </summary>
    public (Task Refresh, Task Signal) StartFirstRefresh()
    {
        lock (_firstRefreshLock)
        {
            if (_firstRefresh is null)
            {
                var signal = ResetRefreshSignal();
                _firstRefresh = (Task.Run(() => RefreshAsync(_lifetime.Token)), signal);
            }

            return _firstRefresh.Value;
        }
    }

    /// <summary>Asks the refresh loop to list again now (a <c>notifications/tools/list_changed</c> arrived).</summary>
    public void RequestRefresh() => _refreshSignal.TrySetResult();

    /// <summary>Returns a task that completes at the next <see cref="RequestRefresh"/>; call before listing so a change announced during the listing is not lost.</summary>
    public Task ResetRefreshSignal()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _refreshSignal, fresh);
        return fresh.Task;
    }

    /// <summary>Connects when needed and lists every page of the catalog.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        LastAttempt = _time.GetUtcNow();
        try
        {
            var (tools, pages) = await ExecuteAsync(ListAllAsync, cancellationToken).ConfigureAwait(false);
            Tools = tools;
            HasListed = true;
            LastError = null;
            LastRefresh = _time.GetUtcNow();
            GatewayLog.Listed(_logger, Name, tools.Count, pages);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LastError = Describe(ex);
            await ResetAsync(Interlocked.Read(ref _generation)).ConfigureAwait(false);
            RefreshAttempted?.Invoke(this, EventArgs.Empty);
            throw;
        }

        CatalogChanged?.Invoke(this, EventArgs.Empty);
        IsPublished = true;
        RefreshAttempted?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Calls a tool by its original gateway name.</summary>
    public Task<CallToolResult> CallToolAsync(string name, IReadOnlyDictionary<string, JsonElement> arguments, CancellationToken cancellationToken) =>
        ExecuteAsync((session, ct) => session.CallToolAsync(name, arguments, ct), cancellationToken);

    /// <summary>The gateway announced <c>notifications/tools/list_changed</c> (on its event stream or a call's stream).</summary>
    private void OnListChanged()
    {
        GatewayLog.ListChanged(_logger, Name);
        RequestRefresh();
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync().ConfigureAwait(false);
        var session = Interlocked.Exchange(ref _session, null);
        if (session is not null)
        {
            await DisposeQuietlyAsync(session).ConfigureAwait(false);
        }

        _http.Dispose();
        _tokens?.Dispose();
        _connectLock.Dispose();
        _lifetime.Dispose();
    }

    private async Task<T> ExecuteAsync<T>(Func<StreamableHttpSession, CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        long generation = -1;
        try
        {
            (var session, generation) = await GetSessionAsync(cancellationToken).ConfigureAwait(false);
            return await operation(session, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && Rejection(ex) is { } status)
        {
            // 401: the token expired or was revoked; 404: the MCP session is gone. Either way: new token, new session, one retry.
            GatewayLog.Reinitialising(_logger, Name, ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
            _tokens?.Invalidate();
            if (generation >= 0)
            {
                await ResetAsync(generation).ConfigureAwait(false);
            }

            var (session, _) = await GetSessionAsync(cancellationToken).ConfigureAwait(false);

            // The replaced session's event stream ended with it; a catalog that was listed before needs the change notices of
            // the new session now, not after the next listing (which may be a TTL away).
            if (HasListed && !ListsWithInboundAuthorization)
            {
                session.StartEventStream();
            }

            return await operation(session, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The status of a failure that means "re-authenticate and re-initialise" (401 or 404, anywhere in the exception chain: every
    /// request of the session reports a non-success status as an <see cref="HttpRequestException"/> carrying it), else <see langword="null"/>.
    /// </summary>
    private static HttpStatusCode? Rejection(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            if (ex is HttpRequestException { StatusCode: HttpStatusCode.Unauthorized or HttpStatusCode.NotFound } http)
            {
                return http.StatusCode;
            }
        }

        return null;
    }

    private async Task<(StreamableHttpSession Session, long Generation)> GetSessionAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _session) is { } existing)
        {
            return (existing, Interlocked.Read(ref _generation));
        }

        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_session is { } raced)
            {
                return (raced, Interlocked.Read(ref _generation));
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ConnectTimeout);
            var session = await StreamableHttpSession.OpenAsync(_http, Gateway.Url!, Name, _options.ProtocolVersion, OnListChanged, _logger, timeout.Token).ConfigureAwait(false);
            Interlocked.Increment(ref _sessions);
            Volatile.Write(ref _session, session);
            return (session, Interlocked.Increment(ref _generation));
        }
        finally
        {
            _connectLock.Release();
        }
    }

    private async Task ResetAsync(long generation)
    {
        StreamableHttpSession? stale = null;
        await _connectLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Interlocked.Read(ref _generation) == generation)
            {
                stale = Interlocked.Exchange(ref _session, null);
            }
        }
        finally
        {
            _connectLock.Release();
        }

        if (stale is not null)
        {
            _ = DisposeQuietlyAsync(stale);
        }
    }

    private static async Task DisposeQuietlyAsync(StreamableHttpSession session)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await session.DisposeAsync().AsTask().WaitAsync(timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Closing a dead session must never fail the caller.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    internal static string Describe(Exception exception) => exception switch
    {
        HttpRequestException { StatusCode: { } status } => $"HTTP {(int)status}",
        HttpRequestException http => http.InnerException?.Message ?? http.Message,
        OperationCanceledException => "timed out",
        _ => exception.Message,
    };
}
