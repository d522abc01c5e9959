using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.Connect.Lambda.Tests.Support;

/// <summary>
/// A local Lambda Runtime API (2018-06-01, as in tests/fixtures/lambda-runtime/runtime-api.yaml) on 127.0.0.1: <c>next</c>
/// blocks until a test enqueues an event and answers with the request id, deadline, function ARN and trace id headers;
/// <c>response</c>, <c>error</c> and <c>init/error</c> are recorded and complete the invocation.
/// </summary>
internal sealed class RuntimeApiEmulator : IAsyncDisposable
{
    public const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:agenthost-connect-bridge";
    private readonly WebApplication _app;
    private readonly Channel<Pending> _events = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, Pending> _inFlight = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<DateTimeOffset> _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<InitError> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextCalls;

    private RuntimeApiEmulator(WebApplication app) => _app = app;

    /// <summary>The value for AWS_LAMBDA_RUNTIME_API (host:port).</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>Completes with the time of the first <c>next</c> request.</summary>
    public Task<DateTimeOffset> FirstNext => _firstNext.Task;

    /// <summary>Completes when the runtime reports a start-up failure.</summary>
    public Task<InitError> InitError => _initError.Task;

    /// <summary>How many <c>next</c> requests arrived.</summary>
    public int NextCalls => Volatile.Read(ref _nextCalls);

    public static async Task<RuntimeApiEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var emulator = new RuntimeApiEmulator(app);
        app.MapGet("/2018-06-01/runtime/invocation/next", emulator.NextAsync);
        app.MapPost("/2018-06-01/runtime/invocation/{id}/response", (string id, HttpContext ctx) => emulator.CompleteAsync(id, ctx, isError: false));
        app.MapPost("/2018-06-01/runtime/invocation/{id}/error", (string id, HttpContext ctx) => emulator.CompleteAsync(id, ctx, isError: true));
        app.MapPost("/2018-06-01/runtime/init/error", (Delegate)emulator.InitErrorAsync);
        await app.StartAsync();
        emulator.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Authority;
        return emulator;
    }

    /// <summary>Queues an event and waits for its outcome.</summary>
    /// <param name="body">The event JSON.</param>
    /// <param name="timeout">The Lambda timeout: the deadline header is now + timeout.</param>
    /// <param name="traceId">The X-Ray trace header to send.</param>
    public Task<InvocationResult> InvokeAsync(byte[] body, TimeSpan? timeout = null, string? traceId = null)
    {
        var pending = new Pending(Guid.NewGuid().ToString(), body, DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(30)), traceId ?? "Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1");
        _inFlight[pending.RequestId] = pending;
        _events.Writer.TryWrite(pending);
        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _events.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task NextAsync(HttpContext context)
    {
        Interlocked.Increment(ref _nextCalls);
        _firstNext.TrySetResult(DateTimeOffset.UtcNow);
        Pending pending;
        try
        {
            pending = await _events.Reader.ReadAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        pending.Delivered = DateTimeOffset.UtcNow;
        context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = pending.RequestId;
        context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = pending.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = FunctionArn;
        context.Response.Headers["Lambda-Runtime-Trace-Id"] = pending.TraceId;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(pending.Body);
    }

    private async Task<IResult> CompleteAsync(string id, HttpContext context, bool isError)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        if (!_inFlight.TryRemove(id, out var pending))
        {
            return Results.Text("""{"errorMessage":"unknown request id","errorType":"InvalidRequestID"}""", "application/json", statusCode: 400);
        }

        pending.Completion.TrySetResult(new InvocationResult(
            isError,
            buffer.ToArray(),
            context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString(),
            context.Request.ContentType,
            DateTimeOffset.UtcNow - pending.Delivered));
        return Results.Text("""{"status":"OK"}""", "application/json", statusCode: 202);
    }

    private async Task<IResult> InitErrorAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        _initError.TrySetResult(new InitError(context.Request.Headers["Lambda-Runtime-Function-Error-Type"].ToString(), buffer.ToArray()));
        return Results.Text("""{"status":"OK"}""", "application/json", statusCode: 202);
    }

    private sealed class Pending(string requestId, byte[] body, DateTimeOffset deadline, string traceId)
    {
        public string RequestId { get; } = requestId;

        public byte[] Body { get; } = body;

        public DateTimeOffset Deadline { get; } = deadline;

        public string TraceId { get; } = traceId;

        public DateTimeOffset Delivered { get; set; }

        public TaskCompletionSource<InvocationResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>What the runtime answered: a response or an error.</summary>
internal sealed record InvocationResult(bool IsError, byte[] Body, string ErrorType, string? ContentType, TimeSpan Elapsed);

/// <summary>A start-up failure reported by the runtime.</summary>
internal sealed record InitError(string ErrorType, byte[] Body);
