using System.Runtime.CompilerServices;
using System.Text.Json;
using AgentHost.Aws.Credentials;
using AgentHost.Aws.Signing;
using AgentHost.Bedrock.Errors;
using AgentHost.Bedrock.EventStream;
using AgentHost.Bedrock.Http;
using AgentHost.Bedrock.Logging;
using AgentHost.Bedrock.Mapping;
using AgentHost.Bedrock.Streaming;
using AgentHost.Bedrock.Wire;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Bedrock;

/// <summary>
/// An <see cref="IChatClient"/> for Amazon Bedrock Runtime <c>Converse</c> (<see cref="GetResponseAsync"/>) and
/// <c>ConverseStream</c> (<see cref="GetStreamingResponseAsync"/>), signed with SigV4 (service <c>bedrock</c>).
/// </summary>
/// <remarks>
/// <para>Errors: <see cref="BedrockException"/> and its subclasses carry Bedrock's message, error type and status;
/// a context-window overflow is a <see cref="BedrockContextWindowExceededException"/>
/// (an <see cref="AgentHost.Abstractions.Models.ModelContextOverflowException"/>).</para>
/// <para>Retries: throttling, 5xx and connection failures are retried with jittered exponential backoff, within
/// <see cref="BedrockChatClientOptions.MaxRetries"/>, <see cref="BedrockChatClientOptions.MaxRetryDuration"/> and the
/// caller's cancellation token; a stream is never retried after it produced content; per-day quotas are not retried.</para>
/// <para>Nothing of the conversation, the credentials or the signature is logged.</para>
/// </remarks>
public sealed class BedrockChatClient : IChatClient
{
    private readonly BedrockChatClientOptions _options;
    private readonly HttpClient _httpClient;
    private readonly BedrockTransport _transport;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates the client.</summary>
    /// <param name="options">Settings; environment defaults are not applied here (use <see cref="BedrockChatClientOptions.FromEnvironment"/>).</param>
    /// <param name="credentials">The credentials source (e.g. <see cref="DefaultAwsCredentialsProvider"/>).</param>
    /// <param name="innerHandler">The handler that sends signed requests; defaults to a new <see cref="SocketsHttpHandler"/>. Disposed with the client.</param>
    /// <param name="logger">Logging; optional.</param>
    /// <param name="timeProvider">Clock for signing and backoff; defaults to <see cref="TimeProvider.System"/>.</param>
    /// <exception cref="InvalidOperationException">No region is configured.</exception>
    /// <exception cref="ArgumentException">A guardrail setting is invalid (see <see cref="BedrockChatClientOptions.Validate"/>).</exception>
    public BedrockChatClient(
        BedrockChatClientOptions options,
        IAwsCredentialsProvider credentials,
        HttpMessageHandler? innerHandler = null,
        ILogger<BedrockChatClient>? logger = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        options.Validate();
        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var region = options.ResolveRegion()
            ?? throw new InvalidOperationException("No AWS region is configured for Bedrock: set BedrockChatClientOptions.Region, AWS_REGION, AWS_DEFAULT_REGION or a profile region.");
        var endpoint = options.ResolveEndpoint(region);
        var signer = new SigV4SigningHandler(BedrockChatClientOptions.SigningName, region, credentials, innerHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }, _timeProvider);
        _httpClient = new HttpClient(signer, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _transport = new BedrockTransport(_httpClient, endpoint, _timeProvider, _logger);
        _metadata = new ChatClientMetadata("aws.bedrock", endpoint, options.ModelId);
    }

    /// <inheritdoc />
    /// <exception cref="BedrockException">Bedrock rejected the request or failed.</exception>
    /// <exception cref="BedrockContextWindowExceededException">The conversation does not fit the context window.</exception>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var modelId = ModelIdFor(options);
        var body = Serialize(messages, options, stream: false);
        var budget = new RetryBudget(_options, _timeProvider);
        using var response = await _transport.SendAsync(modelId, stream: false, body, budget, cancellationToken).ConfigureAwait(false);
        var requestId = BedrockTransport.RequestId(response);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var converse = JsonSerializer.Deserialize(bytes, BedrockJsonContext.Default.ConverseResponse)
            ?? throw new BedrockException("Bedrock returned an empty Converse response.", "EmptyResponse", response.StatusCode, isRetryable: false);
        BedrockLog.Completed(_logger, "Converse", modelId, converse.StopReason, converse.Usage?.InputTokens, converse.Usage?.OutputTokens);
        if (converse.StopReason == BedrockStopReasons.ContextWindowExceeded)
        {
            throw new BedrockContextWindowExceededException("The conversation exceeds the model's context window (stop reason model_context_window_exceeded).");
        }

        if (converse.StopReason == BedrockStopReasons.GuardrailIntervened)
        {
            BedrockLog.GuardrailIntervened(_logger, "Converse", modelId, _options.GuardrailIdentifier ?? "(none configured)");
        }

        return BedrockResponseMapper.Map(converse, modelId, requestId);
    }

    /// <inheritdoc />
    /// <exception cref="BedrockException">Bedrock rejected the request, or an exception frame arrived mid-stream.</exception>
    /// <exception cref="BedrockContextWindowExceededException">The conversation does not fit the context window.</exception>
    /// <exception cref="EventStreamFormatException">The stream is corrupt or truncated.</exception>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var modelId = ModelIdFor(options);
        var body = Serialize(messages, options, stream: true);
        var budget = new RetryBudget(_options, _timeProvider);
        while (true)
        {
            using var response = await _transport.SendAsync(modelId, stream: true, body, budget, cancellationToken).ConfigureAwait(false);
            var processor = new ConverseStreamProcessor(modelId, BedrockTransport.RequestId(response));
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using var frames = EventStreamDecoder.ReadAllAsync(stream, cancellationToken).GetAsyncEnumerator(cancellationToken);
            Exception? retryable = null;
            while (true)
            {
                ChatResponseUpdate? update;
                try
                {
                    if (!await frames.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    update = processor.Process(frames.Current);
                }
                catch (BedrockException ex) when (ex.IsRetryable && !processor.ProducedContent)
                {
                    retryable = ex;
                    break;
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException && !processor.ProducedContent && !cancellationToken.IsCancellationRequested)
                {
                    retryable = new BedrockException("The connection to Bedrock Runtime broke before the stream produced content: " + ex.Message, "ConnectionError", null, isRetryable: true, ex);
                    break;
                }

                if (update is not null)
                {
                    if (update.FinishReason is not null)
                    {
                        BedrockLog.Completed(_logger, "ConverseStream", modelId, processor.StopReason, null, null);
                        if (processor.StopReason == BedrockStopReasons.GuardrailIntervened)
                        {
                            BedrockLog.GuardrailIntervened(_logger, "ConverseStream", modelId, _options.GuardrailIdentifier ?? "(none configured)");
                        }
                    }

                    yield return update;
                }
            }

            if (retryable is null && !processor.SawMessageStop)
            {
                var incomplete = new BedrockException("The Bedrock stream ended before messageStop.", "IncompleteStream", null, isRetryable: true);
                if (processor.ProducedContent)
                {
                    BedrockLog.Failed(_logger, "ConverseStream", incomplete.ErrorType, null, null);
                    throw incomplete;
                }

                retryable = incomplete;
            }

            if (retryable is null)
            {
                yield break;
            }

            await _transport.DelayOrThrowAsync("ConverseStream", retryable, budget, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose() => _httpClient.Dispose();

    private string ModelIdFor(ChatOptions? options)
        => options?.ModelId ?? _options.ModelId
            ?? throw new InvalidOperationException("No Bedrock model id: set BedrockChatClientOptions.ModelId, ChatOptions.ModelId or AGENTHOST_BEDROCK_MODEL_ID.");

    private byte[] Serialize(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
        => JsonSerializer.SerializeToUtf8Bytes(BedrockRequestMapper.Map(messages, options, _options, stream), BedrockJsonContext.Default.ConverseRequest);
}
