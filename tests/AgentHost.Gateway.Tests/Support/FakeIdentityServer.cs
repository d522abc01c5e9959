using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.Gateway.Tests.Support;

/// <summary>
/// A fake AgentCore Identity data plane on 127.0.0.1: <c>POST /identities/oauth2/token</c> (GetResourceOauth2Token) checks the
/// members the service model requires and answers with a JWT access token whose <c>exp</c> is <see cref="TokenLifetime"/>
/// away. Every request is recorded as it arrived (method, URL, lower-case headers, body) for the wire oracle.
/// </summary>
internal sealed class FakeIdentityServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _issued;

    private FakeIdentityServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Called with every token issued (e.g. to make a test MCP server accept it).</summary>
    public Action<string>? OnIssued { get; set; }

    public ConcurrentQueue<RecordedHttpRequest> Requests { get; } = new();

    public static async Task<FakeIdentityServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        FakeIdentityServer? server = null;
        app.MapPost("/identities/oauth2/token", context => server!.HandleTokenAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server = new FakeIdentityServer(app, new Uri(address + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleTokenAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Requests.Enqueue(new RecordedHttpRequest(
            context.Request.Method,
            $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}",
            context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal),
            body));
        var input = JsonNode.Parse(body) as JsonObject;
        var missing = new[] { "workloadIdentityToken", "resourceCredentialProviderName", "scopes", "oauth2Flow" }.Where(m => input?[m] is null).ToList();
        if (missing.Count > 0 || !context.Request.Headers.Authorization.ToString().StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.Headers["x-amzn-ErrorType"] = "ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock.agentcore/";
            await context.Response.WriteAsync($$"""{"message":"missing {{string.Join(",", missing)}}"}""");
            return;
        }

        var number = Interlocked.Increment(ref _issued);
        var expires = DateTimeOffset.UtcNow.Add(TokenLifetime).ToUnixTimeSeconds();
        var payload = Base64Url($$"""{"sub":"agent","exp":{{expires.ToString(CultureInfo.InvariantCulture)}},"n":{{number}}}""");
        var token = $"{Base64Url("""{"alg":"none"}""")}.{payload}.identity-{number}";
        OnIssued?.Invoke(token);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new JsonObject { ["accessToken"] = token }, Json.Node));
    }

    private static string Base64Url(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static class Json
    {
        public static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonObject> Node =
            (System.Text.Json.Serialization.Metadata.JsonTypeInfo<JsonObject>)ModelContextProtocol.McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonObject));
    }
}

/// <summary>An HTTP request as a server received it (header names in lower case).</summary>
internal sealed record RecordedHttpRequest(string Method, string Url, IReadOnlyDictionary<string, string> Headers, string Body);
