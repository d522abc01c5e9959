using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using AgentHost.DevGateway;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.Connect.Lambda.Tests.Support;

/// <summary>
/// The development gateway behind a transparent proxy that counts every MCP <c>tools/call</c> (so a test can prove a tool ran
/// exactly once) and can hold the calls of chosen tools until the test releases them (a slow tool, without timers).
/// </summary>
internal sealed class CountingGatewayProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DevGatewayHandle _gateway;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromMinutes(5) };
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _reached = new(StringComparer.Ordinal);

    private CountingGatewayProxy(WebApplication app, DevGatewayHandle gateway)
    {
        _app = app;
        _gateway = gateway;
    }

    /// <summary>The MCP endpoint to give the runtime host (AGENTCORE_GATEWAY_&lt;NAME&gt;_URL).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The tool names of every <c>tools/call</c>, in order.</summary>
    public IReadOnlyList<string> ToolCalls => [.. _calls];

    public static async Task<CountingGatewayProxy> StartAsync()
    {
        var gateway = await DevGatewayServer.StartAsync(new DevGatewayOptions { Port = 0 });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var proxy = new CountingGatewayProxy(app, gateway);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        proxy.Endpoint = new Uri(address, gateway.Endpoint.AbsolutePath);
        return proxy;
    }

    /// <summary>Holds every call of <paramref name="tool"/> until <see cref="Release"/>.</summary>
    public void Hold(string tool)
    {
        _gates[tool] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _reached[tool] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Completes when a held call of <paramref name="tool"/> arrived.</summary>
    public Task Reached(string tool) => _reached[tool].Task;

    public void Release(string tool) => _gates[tool].TrySetResult();

    public int CallsOf(string tool) => _calls.Count(c => c == tool);

    public async ValueTask DisposeAsync()
    {
        foreach (var gate in _gates.Values)
        {
            gate.TrySetResult();
        }

        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        if (Method(body) is ("tools/call", { } tool))
        {
            _calls.Enqueue(tool);
            if (_gates.TryGetValue(tool, out var gate))
            {
                _reached[tool].TrySetResult();
                await gate.Task;
            }
        }

        using var forward = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(_gateway.Endpoint, context.Request.Path + context.Request.QueryString));
        if (body.Length > 0)
        {
            forward.Content = new ByteArrayContent(body);
            if (context.Request.ContentType is { } type)
            {
                forward.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }

        foreach (var header in context.Request.Headers)
        {
            if (header.Key is "Accept" or "Authorization" || header.Key.StartsWith("Mcp-", StringComparison.OrdinalIgnoreCase))
            {
                forward.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        using var response = await _http.SendAsync(forward, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (header.Key is "Content-Type" || header.Key.StartsWith("Mcp-", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await using var stream = await response.Content.ReadAsStreamAsync(context.RequestAborted);
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static (string? Method, string? Tool) Method(byte[] body)
    {
        try
        {
            var node = JsonNode.Parse(body);
            return node is JsonObject message ? ((string?)message["method"], (string?)message["params"]?["name"]) : (null, null);
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, null);
        }
    }
}
