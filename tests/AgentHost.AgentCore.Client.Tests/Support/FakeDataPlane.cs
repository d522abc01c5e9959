using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentHost.AgentCore.Contracts;
using AgentHost.Aws.Credentials;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.AgentCore.Client.Tests.Support;

/// <summary>
/// A fake AgentCore data plane (and host) on 127.0.0.1 (Kestrel, port 0). With <see cref="RequireSignature"/> it verifies
/// every request's SigV4 signature (service <c>bedrock-agentcore</c>) and answers 403 <c>InvalidSignatureException</c> when it
/// is wrong, as AWS does. It records each request and replays scripted responses in order.
/// </summary>
internal sealed class FakeDataPlane : IAsyncDisposable
{
    public const string Region = "us-east-1";
    public const string RuntimeArn = "arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/connect_agent-AbCdEf1234";
    public const string SessionId = "connect-11111111-2222-3333-4444-555555555555";
    public static readonly AwsCredentials Credentials = new("AKIDFAKEAGENTCORE", "fake/agentcore+secret", "fake-agentcore-session-token");

    private readonly ConcurrentQueue<Func<HttpContext, Task>> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly WebApplication _app;

    private FakeDataPlane(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    public bool RequireSignature { get; init; } = true;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Completes when a request arrives (set before sending; replaced by the test as needed).</summary>
    public TaskCompletionSource<RecordedRequest> Received { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<FakeDataPlane> StartAsync(bool requireSignature = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new FakeDataPlane(app) { RequireSignature = requireSignature };
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>The target for the fake: the runtime ARN with this server as the endpoint.</summary>
    public AgentRuntimeTarget ArnTarget(string? qualifier = null) => AgentRuntimeTarget.ForRuntimeArn(RuntimeArn, qualifier, endpoint: BaseUri, environment: _ => null);

    public void Enqueue(Func<HttpContext, Task> response) => _responses.Enqueue(response);

    public void EnqueueJson(int status, string json, string? errorType = null) => Enqueue(async ctx =>
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json";
        ctx.Response.Headers["x-amzn-RequestId"] = "req-" + status;
        if (errorType is not null)
        {
            ctx.Response.Headers["x-amzn-ErrorType"] = errorType;
        }

        await ctx.Response.WriteAsync(json);
    });

    /// <summary>An AWS error as the data plane sends it: the type in <c>x-amzn-ErrorType</c>, <c>{"message": ...}</c> in the body.</summary>
    public void EnqueueAwsError(int status, string errorType, string message = "fake failure")
        => EnqueueJson(status, new JsonObject { ["message"] = message }.ToJsonString(), errorType + ":http://internal.amazon.com/coral/com.amazon.bedrockagentcore/");

    /// <summary>A 200 answer echoing the request's session and turn id.</summary>
    public void EnqueueAnswer(string text = "Hello.", string stopReason = "endTurn") => Enqueue(async ctx =>
    {
        var body = (JsonNode)ctx.Items["body"]!;
        var response = Answer(body["sessionId"]!.GetValue<string>(), body["turnId"]!.GetValue<string>(), text, stopReason);
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(JsonSerializer.Serialize(response, AgentCoreJsonContext.Default.InvocationResponse));
    });

    /// <summary>An SSE answer: each item is (event name or null for none, data).</summary>
    public void EnqueueSse(params (string? Event, string Data)[] events) => Enqueue(async ctx =>
    {
        ctx.Response.ContentType = "text/event-stream";
        foreach (var (name, data) in events)
        {
            var text = (name is null ? string.Empty : $"event: {name}\n") + $"data: {data}\n\n";
            await ctx.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text));
            await ctx.Response.Body.FlushAsync();
        }
    });

    /// <summary>Holds the request open until the client goes away.</summary>
    public void EnqueueHang() => Enqueue(async ctx =>
    {
        try
        {
            await Task.Delay(Timeout.Infinite, ctx.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    });

    public static InvocationResponse Answer(string sessionId, string turnId, string text = "Hello.", string stopReason = "endTurn") => new()
    {
        SessionId = sessionId,
        TurnId = turnId,
        Text = text,
        StopReason = stopReason,
        ToolCalls = [],
        Usage = new UsageSummary { InputTokens = 5, OutputTokens = 2, TotalTokens = 7 },
        Cycles = 1,
    };

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
        var problem = RequireSignature ? SigV4Verifier.Verify(ctx.Request.Method, rawTarget, headers, body, Credentials, AgentRuntimeTarget.ServiceName, Region) : null;
        JsonNode? json;
        try
        {
            json = body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            json = null;
        }

        ctx.Items["body"] = json;
        var recorded = new RecordedRequest(ctx.Request.Method, rawTarget, headers, json, problem);
        _requests.Enqueue(recorded);
        Received.TrySetResult(recorded);
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
        await ctx.Response.WriteAsync("""{"message":"fake data plane: no scripted response left"}""");
    }
}
