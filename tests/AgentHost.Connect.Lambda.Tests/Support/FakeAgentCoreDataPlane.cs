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

namespace AgentHost.Connect.Lambda.Tests.Support;

/// <summary>
/// The AgentCore data plane's InvokeAgentRuntime on 127.0.0.1: checks the path (<c>/runtimes/{url-encoded ARN}/invocations?qualifier=</c>),
/// the session header and the SigV4 signature (service <c>bedrock-agentcore</c>, re-signed here with the same credentials),
/// answers 403 on a bad signature, and then either forwards the call to a runtime host's <c>/invocations</c> (as AgentCore
/// does: the container's status, content type and body come back) or answers with a scripted handler.
/// </summary>
internal sealed class FakeAgentCoreDataPlane : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string RuntimeArn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/AgentHost-abc123";
    public static readonly AwsCredentials Credentials = new("AKIDCONNECTBRIDGE", "connect/bridge+secret", "connect-session-token");

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedInvocation> _requests = new();
    private readonly HttpClient _forward = new() { Timeout = TimeSpan.FromMinutes(5) };

    private FakeAgentCoreDataPlane(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Where valid calls go, when set: a runtime host's base URL.</summary>
    public Uri? RuntimeHost { get; set; }

    /// <summary>Answers valid calls when <see cref="RuntimeHost"/> is not set.</summary>
    public Func<RecordedInvocation, Task<(int Status, string Body, string? ErrorType)>>? Handler { get; set; }

    public IReadOnlyList<RecordedInvocation> Requests => [.. _requests];

    public static async Task<FakeAgentCoreDataPlane> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var plane = new FakeAgentCoreDataPlane(app);
        app.Run(plane.HandleAsync);
        await app.StartAsync();
        plane.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return plane;
    }

    public async ValueTask DisposeAsync()
    {
        _forward.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString(), StringComparer.Ordinal);
        var problem = VerifyPath(rawTarget) ?? VerifySignature(context.Request.Method, rawTarget, headers, body);
        JsonNode? payload = null;
        try
        {
            payload = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
        }

        var recorded = new RecordedInvocation(rawTarget, headers.GetValueOrDefault("x-amzn-bedrock-agentcore-runtime-session-id", string.Empty), payload, problem, DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);
        if (problem is not null)
        {
            await WriteAsync(context, 403, new JsonObject { ["message"] = problem }.ToJsonString(), "AccessDeniedException");
            return;
        }

        if (RuntimeHost is { } host)
        {
            using var forward = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "/invocations")) { Content = new ByteArrayContent(body) };
            forward.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            forward.Headers.TryAddWithoutValidation("Accept", headers.GetValueOrDefault("accept", "application/json"));
            forward.Headers.TryAddWithoutValidation("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", recorded.SessionId);
            HttpResponseMessage response;
            try
            {
                response = await _forward.SendAsync(forward, context.RequestAborted);
            }
            catch (HttpRequestException ex)
            {
                await WriteAsync(context, 424, new JsonObject { ["message"] = "runtime unreachable: " + ex.Message }.ToJsonString(), "RuntimeClientError");
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            using (response)
            {
                context.Response.StatusCode = (int)response.StatusCode;
                context.Response.ContentType = response.Content.Headers.ContentType?.ToString() ?? "application/json";
                await context.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync(context.RequestAborted));
            }

            return;
        }

        var (status, text, errorType) = Handler is null ? (500, """{"message":"no handler"}""", "InternalServerException") : await Handler(recorded);
        await WriteAsync(context, status, text, errorType);
    }

    private static async Task WriteAsync(HttpContext context, int status, string body, string? errorType)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (errorType is not null)
        {
            context.Response.Headers["x-amzn-ErrorType"] = errorType;
        }

        await context.Response.WriteAsync(body);
    }

    private static string? VerifyPath(string rawTarget)
    {
        var expected = "/runtimes/" + Uri.EscapeDataString(RuntimeArn) + "/invocations?qualifier=";
        return rawTarget.StartsWith(expected, StringComparison.Ordinal) ? null : $"unexpected path {rawTarget} (expected {expected}...)";
    }

    private static string? VerifySignature(string method, string rawTarget, Dictionary<string, string> headers, byte[] body)
    {
        if (!headers.TryGetValue("authorization", out var authorization) || !headers.TryGetValue("x-amz-date", out var amzDate))
        {
            return "missing Authorization or X-Amz-Date";
        }

        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var scope = parts["Credential"].Split('/');
        if (scope[0] != Credentials.AccessKeyId || scope[2] != Region || scope[3] != "bedrock-agentcore" || scope[4] != "aws4_request")
        {
            return "unexpected credential scope " + string.Join('/', scope.Skip(1));
        }

        if (headers.GetValueOrDefault("x-amz-security-token") != Credentials.SessionToken)
        {
            return "missing or wrong session token";
        }

        var signed = parts["SignedHeaders"].Split(';');
        foreach (var required in new[] { "host", "x-amz-date", "x-amz-security-token", "content-type", "x-amzn-bedrock-agentcore-runtime-session-id" })
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
        var expected = SigV4Signer.Sign(request, Credentials, new SigV4SigningOptions("bedrock-agentcore", Region, time));
        return expected.Signature == parts["Signature"] ? null : "signature differs (canonical request: " + expected.CanonicalRequest.Replace('\n', '|') + ")";
    }
}

/// <summary>One InvokeAgentRuntime call as the fake data plane received it.</summary>
internal sealed record RecordedInvocation(string RawTarget, string SessionId, JsonNode? Payload, string? SignatureProblem, DateTimeOffset At)
{
    public string? TurnId => (string?)Payload?["turnId"];

    public string? Prompt => (string?)Payload?["prompt"];
}
