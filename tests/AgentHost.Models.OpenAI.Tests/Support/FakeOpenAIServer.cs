using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.Models.OpenAI.Tests.Support;

/// <summary>
/// An OpenAI-compatible chat-completions server on 127.0.0.1 (Kestrel, port 0), shaped like Ollama's and vLLM's
/// <c>/v1/chat/completions</c>: it records every request and answers with scripted JSON or Server-Sent Events. When its
/// script is empty it answers with <see cref="Fallback"/>.
/// </summary>
internal sealed class FakeOpenAIServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly WebApplication _app;

    private FakeOpenAIServer(WebApplication app) => _app = app;

    /// <summary>The base URL clients are configured with (<c>http://127.0.0.1:PORT/v1</c>).</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>What to answer once the script is exhausted. Default: a 500.</summary>
    public Func<JsonNode?, Func<HttpContext, Task>>? Fallback { get; set; }

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeOpenAIServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    public void EnqueueJson(int status, string json) => _responses.Enqueue(async ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(json);
    });

    /// <summary>Answers with Server-Sent Events, one <c>data:</c> line per chunk, then <c>data: [DONE]</c>.</summary>
    public void EnqueueStream(params string[] chunks) => _responses.Enqueue(ctx => WriteStreamAsync(ctx, chunks));

    public static async Task WriteStreamAsync(HttpContext ctx, IEnumerable<string> chunks)
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "text/event-stream";
        foreach (var chunk in chunks)
        {
            await ctx.Response.WriteAsync("data: " + chunk + "\n\n");
            await ctx.Response.Body.FlushAsync();
        }

        await ctx.Response.WriteAsync("data: [DONE]\n\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        using var reader = new StreamReader(ctx.Request.Body);
        var text = await reader.ReadToEndAsync();
        var body = text.Length == 0 ? null : JsonNode.Parse(text);
        _requests.Enqueue(new RecordedRequest(ctx.Request.Method, ctx.Request.Path.Value ?? string.Empty, ctx.Request.Headers.Authorization.ToString(), body));
        if (_responses.TryDequeue(out var respond))
        {
            await respond(ctx);
        }
        else if (Fallback is not null)
        {
            await Fallback(body)(ctx);
        }
        else
        {
            ctx.Response.StatusCode = 500;
            await ctx.Response.WriteAsync("""{"error":{"message":"the fake server has no scripted response left"}}""");
        }
    }

    internal sealed record RecordedRequest(string Method, string Path, string Authorization, JsonNode? Body);
}
