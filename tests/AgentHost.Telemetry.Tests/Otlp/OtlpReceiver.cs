using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace AgentHost.Telemetry.Tests.Otlp;

/// <summary>One export request as received.</summary>
internal sealed record OtlpRequest(string Signal, byte[] Body, string ContentType, IReadOnlyDictionary<string, string> Headers);

/// <summary>
/// A real OTLP/HTTP receiver on 127.0.0.1 (a free port) in the test process: accepts <c>POST /v1/traces</c>, <c>/v1/metrics</c>,
/// <c>/v1/logs</c> with protobuf bodies (gzip or not), keeps the raw bodies and headers, and decodes them on demand.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<OtlpRequest> _requests = [];

    private OtlpReceiver(WebApplication app)
    {
        _app = app;
    }

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.Run(receiver.ReceiveAsync);

        await app.StartAsync();
        receiver.Endpoint = new Uri(app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return receiver;
    }

    /// <summary>Every raw body received so far (for the leak checks).</summary>
    public IReadOnlyList<OtlpRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public List<OtlpSpan> Spans() => Requests.Where(r => r.Signal == "traces").SelectMany(r => OtlpDecoder.DecodeTraces(r.Body)).ToList();

    public List<OtlpMetric> Metrics() => Requests.Where(r => r.Signal == "metrics").SelectMany(r => OtlpDecoder.DecodeMetrics(r.Body)).ToList();

    public List<OtlpLog> Logs() => Requests.Where(r => r.Signal == "logs").SelectMany(r => OtlpDecoder.DecodeLogs(r.Body)).ToList();

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds for what was received.</summary>
    public async Task<bool> WaitForAsync(Func<OtlpReceiver, bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (condition(this))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return condition(this);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        var signal = context.Request.Path.Value switch
        {
            "/v1/traces" => "traces",
            "/v1/metrics" => "metrics",
            "/v1/logs" => "logs",
            _ => null,
        };
        if (signal is null || !HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using var buffer = new MemoryStream();
        var body = context.Request.Headers.ContentEncoding.ToString() == "gzip"
            ? new GZipStream(context.Request.Body, CompressionMode.Decompress)
            : context.Request.Body;
        await body.CopyToAsync(buffer);
        lock (_requests)
        {
            _requests.Add(new OtlpRequest(signal, buffer.ToArray(), context.Request.ContentType ?? string.Empty, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        }

        // An empty ExportXServiceResponse (all fields default) is an empty protobuf message.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
        context.Response.ContentLength = 0;
    }
}
