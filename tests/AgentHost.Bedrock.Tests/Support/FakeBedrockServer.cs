using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AgentHost.Aws.Credentials;
using AgentHost.Aws.Signing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.Bedrock.Tests.Support;

/// <summary>
/// An in-process Bedrock Runtime on 127.0.0.1 (Kestrel, port 0). It verifies every request's SigV4 signature
/// (service bedrock) by re-signing what it received, records the request, and replays scripted responses.
/// </summary>
internal sealed class FakeBedrockServer : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public static readonly AwsCredentials Credentials = new("AKIDFAKEBEDROCK", "fake/secret+key", "fake-session-token");

    private readonly ConcurrentQueue<Func<HttpContext, Task>> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly WebApplication _app;

    private FakeBedrockServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public Action<RecordedRequest>? OnRequest { get; set; }

    public static async Task<FakeBedrockServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeBedrockServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address);
        return server;
    }

    public void Enqueue(Func<HttpContext, Task> response) => _responses.Enqueue(response);

    public void EnqueueJson(int status, string json, string? errorType = null) => Enqueue(async ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.Headers["x-amzn-RequestId"] = "req-" + status.ToString(CultureInfo.InvariantCulture);
        if (errorType is not null)
        {
            ctx.Response.Headers["x-amzn-ErrorType"] = errorType;
        }

        await ctx.Response.WriteAsync(json);
    });

    public void EnqueueError(int status, string errorType, string message)
        => EnqueueJson(status, new JsonObject { ["message"] = message }.ToJsonString(), errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/");

    /// <summary>Streams an event-stream body in chunks of the given sizes (cycled), flushing after each.</summary>
    public void EnqueueEventStream(byte[] body, int[]? chunkSizes = null) => Enqueue(async ctx =>
    {
        ctx.Response.StatusCode = 200;
        ctx.Response.ContentType = "application/vnd.amazon.eventstream";
        ctx.Response.Headers["x-amzn-RequestId"] = "req-stream";
        chunkSizes ??= [7, 64, 1, 300, 13];
        var offset = 0;
        for (var i = 0; offset < body.Length; i++)
        {
            var size = Math.Min(chunkSizes[i % chunkSizes.Length], body.Length - offset);
            await ctx.Response.Body.WriteAsync(body.AsMemory(offset, size));
            await ctx.Response.Body.FlushAsync();
            offset += size;
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var rawTarget = ctx.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var headers = ctx.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var problem = VerifySignature(ctx.Request.Method, rawTarget, headers, body);
        JsonNode? json = null;
        try
        {
            json = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            json = null;
        }

        var recorded = new RecordedRequest(ctx.Request.Method, rawTarget, headers, json, problem is null, problem);
        _requests.Enqueue(recorded);
        OnRequest?.Invoke(recorded);

        if (problem is not null)
        {
            ctx.Response.StatusCode = 403;
            ctx.Response.Headers["x-amzn-ErrorType"] = "InvalidSignatureException";
            await ctx.Response.WriteAsync(new JsonObject { ["message"] = "Signature mismatch: " + problem }.ToJsonString());
            return;
        }

        if (_responses.TryDequeue(out var response))
        {
            await response(ctx);
            return;
        }

        ctx.Response.StatusCode = 500;
        ctx.Response.Headers["x-amzn-ErrorType"] = "InternalServerException";
        await ctx.Response.WriteAsync("""{"message":"fake server: no scripted response left"}""");
    }

    private static string? VerifySignature(string method, string rawTarget, Dictionary<string, string> headers, byte[] body)
    {
        if (!headers.TryGetValue("authorization", out var authorization) || !headers.TryGetValue("x-amz-date", out var amzDate))
        {
            return "missing Authorization or X-Amz-Date";
        }

        // AWS4-HMAC-SHA256 Credential=AK/20250115/us-east-1/bedrock/aws4_request, SignedHeaders=a;b, Signature=hex
        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var scope = parts["Credential"].Split('/');
        if (scope[0] != Credentials.AccessKeyId || scope[2] != Region || scope[3] != "bedrock" || scope[4] != "aws4_request")
        {
            return "unexpected credential scope " + string.Join('/', scope.Skip(1));
        }

        if (!headers.TryGetValue("x-amz-security-token", out var token) || token != Credentials.SessionToken)
        {
            return "missing or wrong session token";
        }

        var signed = parts["SignedHeaders"].Split(';');
        foreach (var required in new[] { "host", "x-amz-date", "x-amz-security-token", "content-type" })
        {
            if (!signed.Contains(required))
            {
                return "header not signed: " + required;
            }
        }

        var q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var request = new SigV4Request(
            method,
            q < 0 ? rawTarget : rawTarget[..q],
            q < 0 ? string.Empty : rawTarget[(q + 1)..],
            signed.Where(h => h is not "x-amz-date" and not "x-amz-security-token").Select(h => new KeyValuePair<string, string>(h, headers.GetValueOrDefault(h, string.Empty))).ToList(),
            SigV4Signer.HashPayload(body));
        var time = DateTimeOffset.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var expected = SigV4Signer.Sign(request, Credentials, new SigV4SigningOptions("bedrock", Region, time));
        return expected.Signature == parts["Signature"] ? null : "signature differs (canonical request: " + expected.CanonicalRequest.Replace('\n', '|') + ")";
    }
}
