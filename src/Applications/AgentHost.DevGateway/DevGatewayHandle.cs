using AgentHost.DevGateway.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentHost.DevGateway;

/// <summary>A running development gateway. Dispose it to stop the server; the sample data is discarded.</summary>
public sealed class DevGatewayHandle : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ILogger _logger;
    private int _disposed;

    internal DevGatewayHandle(WebApplication app, Uri endpoint, int toolCount, ILogger logger)
    {
        _app = app;
        _logger = logger;
        Endpoint = endpoint;
        ToolCount = toolCount;
    }

    /// <summary>Gets the MCP endpoint, for example <c>http://127.0.0.1:51234/mcp</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Gets the bound TCP port.</summary>
    public int Port => Endpoint.Port;

    /// <summary>Gets the number of tools listed, including the search tool.</summary>
    public int ToolCount { get; }

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled (for example by Ctrl+C in a
    /// <c>devgateway</c> command), then stops the server. Dispose the handle afterwards to release it.
    /// </summary>
    /// <param name="cancellationToken">Ends the wait.</param>
    /// <returns>A task that completes when the wait ends.</returns>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) =>
        _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server and releases the port.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        DevGatewayLog.Stopped(_logger, Endpoint);
    }
}
