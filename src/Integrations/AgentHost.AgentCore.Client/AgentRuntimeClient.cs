using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using AgentHost.AgentCore.Client.Http;
using AgentHost.AgentCore.Client.Streaming;
using AgentHost.AgentCore.Contracts;
using AgentHost.Aws.Credentials;
using AgentHost.Aws.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.AgentCore.Client;

/// <summary>
/// Sends turns to an agent over the AgentCore Runtime contract: InvokeAgentRuntime against a runtime ARN (SigV4, service
/// <c>bedrock-agentcore</c>, the standard AWS credential chain) or a host's own <c>/invocations</c> URL. JSON
/// (<see cref="InvokeAsync"/>) or Server-Sent Events (<see cref="InvokeStreamingAsync"/>).
/// </summary>
/// <remarks>
/// <para>Every call sends a <c>turnId</c> (the request's, else a new one) and sends the same id on every retry, so a retry
/// never runs a turn twice: the host returns the stored result of a turn it already ran, and waits for one still running.</para>
/// <para>Retryable failures (throttling, 5xx except the host's <c>ModelError</c>, AgentCore's <c>RetryableConflictException</c>,
/// connection failures, attempt timeouts) are retried with jittered exponential backoff, at most
/// <see cref="AgentRuntimeClientOptions.MaxRetries"/> times and never past the deadline: the remaining time bounds each
/// attempt and each wait, and no retry starts without <see cref="AgentRuntimeClientOptions.MinAttemptTime"/> left. A stream is
/// retried only before the host answered; once it answers, the turn runs and its events are passed on.</para>
/// <para>Failures are <see cref="AgentRuntimeException"/>s with an <see cref="AgentRuntimeErrorKind"/>; the caller's cancellation
/// is an <see cref="OperationCanceledException"/>. Argument errors (a session id AgentCore would reject) are thrown before
/// anything is sent. Thread-safe; one instance (and one <see cref="HttpClient"/>) serves many calls. Reflection-free
/// (trimming and Native AOT). Nothing is logged of prompts, answers, session ids or credentials.</para>
/// </remarks>
public sealed partial class AgentRuntimeClient : IDisposable
{
    /// <summary>The shortest runtime session id AgentCore accepts.</summary>
    public const int MinRuntimeSessionIdLength = 33;

    /// <summary>The longest session id (AgentCore's limit; the host's default limit too).</summary>
    public const int MaxSessionIdLength = 256;

    private readonly AgentRuntimeClientOptions _options;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Func<double> _jitter;

    /// <summary>Creates the client.</summary>
    /// <param name="target">Where to send turns.</param>
    /// <param name="options">Retries, timeouts, profile; default <see cref="AgentRuntimeClientOptions"/>'s defaults.</param>
    /// <param name="credentials">Credentials for a runtime ARN; default the standard AWS chain (<see cref="AgentRuntimeClientOptions.Profile"/>). Unused for a URL.</param>
    /// <param name="transport">The handler that sends requests (signing is added above it for a runtime ARN); default a pooled <see cref="SocketsHttpHandler"/>. The client disposes it.</param>
    /// <param name="timeProvider">The clock for deadlines, backoff and signing; default <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">The logger; default none.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public AgentRuntimeClient(
        AgentRuntimeTarget target,
        AgentRuntimeClientOptions? options = null,
        IAwsCredentialsProvider? credentials = null,
        HttpMessageHandler? transport = null,
        TimeProvider? timeProvider = null,
        ILogger<AgentRuntimeClient>? logger = null)
        : this(target, options, credentials, transport, timeProvider, logger, delay: null, jitter: null)
    {
    }

    /// <summary>Creates the client with replaceable waiting and jitter (tests).</summary>
    internal AgentRuntimeClient(
        AgentRuntimeTarget target,
        AgentRuntimeClientOptions? options,
        IAwsCredentialsProvider? credentials,
        HttpMessageHandler? transport,
        TimeProvider? timeProvider,
        ILogger? logger,
        Func<TimeSpan, CancellationToken, Task>? delay,
        Func<double>? jitter)
    {
        ArgumentNullException.ThrowIfNull(target);
        _options = options ?? new AgentRuntimeClientOptions();
        _options.Validate();
        Target = target;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _delay = delay ?? ((wait, token) => Task.Delay(wait, _time, token));
#pragma warning disable CA5394 // Backoff jitter does not need a cryptographic random source.
        _jitter = jitter ?? Random.Shared.NextDouble;
#pragma warning restore CA5394
        transport ??= new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = _options.ConnectTimeout };
        _http = new HttpClient(CreatePipeline(target, credentials ?? new DefaultAwsCredentialsProvider(_options.Profile), transport, _time), disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Where the turns go.</summary>
    public AgentRuntimeTarget Target { get; }

    /// <summary>Runs a turn and returns its summary (JSON; a host that streams anyway is read to its <c>done</c> event).</summary>
    /// <param name="request">The turn.</param>
    /// <param name="cancellationToken">Cancels the call (an <see cref="OperationCanceledException"/>); the turn is stored as cancelled on the host.</param>
    /// <returns>The summary: text, stop reason (a string: accept values you do not know), tool calls, usage, turn id.</returns>
    /// <exception cref="ArgumentException">The session id or prompt is empty, or the session id is out of the target's bounds.</exception>
    /// <exception cref="AgentRuntimeException">The call failed (see <see cref="AgentRuntimeException.Kind"/>), after the retries it allowed.</exception>
    public async Task<InvocationResponse> InvokeAsync(AgentRuntimeRequest request, CancellationToken cancellationToken = default)
    {
        using var call = StartCall(request, stream: false, cancellationToken);
        return await ExecuteAsync(call, (response, token) => ReadResultAsync(call, response, token), disposeResponse: true).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a turn and streams its events: <see cref="InvocationTextDelta"/>s and <see cref="InvocationToolCall"/>s as they
    /// happen, then <see cref="InvocationCompleted"/> or <see cref="InvocationFailed"/> (the last event).
    /// </summary>
    /// <param name="request">The turn.</param>
    /// <param name="cancellationToken">Cancels the call (an <see cref="OperationCanceledException"/>); the turn is stored as cancelled on the host.</param>
    /// <returns>The events.</returns>
    /// <exception cref="ArgumentException">The session id or prompt is empty, or the session id is out of the target's bounds.</exception>
    /// <exception cref="AgentRuntimeException">The call failed before the stream began (after the retries it allowed), the stream broke, ended without a last event, or outlived the deadline.</exception>
    public async IAsyncEnumerable<InvocationEvent> InvokeStreamingAsync(AgentRuntimeRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var call = StartCall(request, stream: true, cancellationToken);
        using var response = await ExecuteAsync(call, static (response, _) => Task.FromResult(response), disposeResponse: false).ConfigureAwait(false);
        if (!IsEventStream(response))
        {
            yield return new InvocationCompleted(await GuardStreamAsync(call, () => ReadResultAsync(call, response, call.Token)).ConfigureAwait(false));
            yield break;
        }

        var body = await GuardStreamAsync(call, () => response.Content.ReadAsStreamAsync(call.Token)).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            var events = SseParser.Create(body, InvocationEventParser.Parse).EnumerateAsync(call.Token).GetAsyncEnumerator(call.Token);
            await using (events.ConfigureAwait(false))
            {
                var count = 0;
                while (await GuardStreamAsync(call, () => events.MoveNextAsync().AsTask(), count).ConfigureAwait(false))
                {
                    if (events.Current.Data is not { } item)
                    {
                        continue;
                    }

                    count++;
                    yield return item;
                    if (item is InvocationCompleted or InvocationFailed)
                    {
                        yield break;
                    }
                }

                throw Fail(call, new AgentRuntimeException(
                    AgentRuntimeErrorKind.InvalidResponse,
                    "IncompleteStream",
                    $"The stream ended after {count} event(s) without a done or error event.",
                    statusCode: null,
                    isRetryable: false) { TurnId = call.TurnId, Attempts = call.Attempts });
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>The handler chain: SigV4 signing (service <c>bedrock-agentcore</c>, the target's region) above the transport for a runtime ARN; the transport alone for a URL.</summary>
    internal static HttpMessageHandler CreatePipeline(AgentRuntimeTarget target, IAwsCredentialsProvider credentials, HttpMessageHandler transport, TimeProvider timeProvider) =>
        target.IsRuntimeArn
            ? new SigV4SigningHandler(AgentRuntimeTarget.ServiceName, target.Region!, credentials, transport, timeProvider)
            : transport;

    private static bool IsEventStream(HttpResponseMessage response) =>
        string.Equals(response.Content.Headers.ContentType?.MediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase);
}
