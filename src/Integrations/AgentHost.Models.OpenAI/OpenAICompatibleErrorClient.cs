using System.ClientModel;
using System.Net;
using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentHost.Models.OpenAI;

/// <summary>
/// Turns the failures of an OpenAI-compatible endpoint into errors a developer can act on (<see cref="ModelProviderException"/>,
/// <see cref="ModelContextOverflowException"/> for a context-length error so the loop trims and retries), and reports the
/// provider as <c>openai</c>. Nothing of the conversation or the key is logged.
/// </summary>
internal sealed partial class OpenAICompatibleErrorClient : DelegatingChatClient
{
    private readonly Uri _baseUrl;
    private readonly string _model;
    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly ChatClientMetadata _metadata;

    public OpenAICompatibleErrorClient(IChatClient inner, Uri baseUrl, string model, HttpClient http, ILogger logger)
        : base(inner)
    {
        _baseUrl = baseUrl;
        _model = model;
        _http = http;
        _logger = logger;
        _metadata = new ChatClientMetadata(OpenAICompatibleChatClientFactory.ProviderName, baseUrl, model);
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (Translate(ex, options, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                update = updates.Current;
            }
            catch (Exception ex) when (Translate(ex, options, cancellationToken) is { } translated)
            {
                throw translated;
            }

            yield return update;
        }
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata : base.GetService(serviceType, serviceKey);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _http.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The actionable error for a failure, or null to let it through (the caller's own cancellation).</summary>
    private Exception? Translate(Exception exception, ChatOptions? options, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        // The client library's retry policy wraps the failures of every attempt; the last one says what is wrong now.
        var original = exception;
        if (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate)
        {
            exception = aggregate.InnerExceptions[^1];
        }

        var where = $"the OpenAI-compatible endpoint {_baseUrl} (model '{_model}')";
        Exception translated = exception switch
        {
            ClientResultException { Status: 400 } e when MentionsContextLength(e.Message) =>
                new ModelContextOverflowException($"The conversation does not fit the context window of model '{_model}': {Shorten(e.Message)}", e),
            ClientResultException { Status: 400 } e when MentionsTools(e.Message) && options?.Tools is { Count: > 0 } =>
                Configuration(e, $"Model '{_model}' at {_baseUrl} cannot call tools ({Shorten(e.Message)}). Choose a model that supports tool calling (e.g. llama3.1, qwen2.5 or mistral-nemo on Ollama) in AGENTHOST_OPENAI_MODEL."),
            ClientResultException { Status: 401 or 403 } e =>
                Configuration(e, $"{Capitalise(where)} rejected the API key (HTTP {e.Status}). Set AGENTHOST_OPENAI_API_KEY or AGENTHOST_OPENAI_API_KEY_FILE."),
            ClientResultException { Status: 404 } e =>
                Configuration(e, $"{Capitalise(where)} answered 404: the model is unknown to the server (pull or load it first) or the base URL lacks its version path (e.g. http://localhost:11434/v1). {Shorten(e.Message)}"),
            ClientResultException { Status: 429 } e =>
                new ModelProviderException($"{Capitalise(where)} is throttling requests (HTTP 429); try again later.", e) { StatusCode = 429 },
            ClientResultException e when e.Status >= 500 =>
                new ModelProviderException($"{Capitalise(where)} failed (HTTP {e.Status}): {Shorten(e.Message)}", e) { StatusCode = e.Status },
            ClientResultException { Status: 0 } e when e.InnerException is HttpRequestException http =>
                Unreachable(http),
            ClientResultException e =>
                new ModelProviderException($"{Capitalise(where)} rejected the request (HTTP {e.Status}): {Shorten(e.Message)}", e) { StatusCode = e.Status },
            HttpRequestException http => Unreachable(http),
            OperationCanceledException or TimeoutException =>
                new ModelProviderException($"{Capitalise(where)} did not answer in time (connect timeout or request timeout).", exception),
            _ => exception,
        };
        if (ReferenceEquals(translated, exception))
        {
            return ReferenceEquals(exception, original) ? null : exception;
        }

        LogFailed(_logger, _baseUrl.ToString(), _model, (translated as ModelProviderException)?.StatusCode ?? 0, exception.GetType().Name);
        return translated;

        ModelProviderException Unreachable(HttpRequestException http) =>
            new($"Cannot reach {where}: {http.Message} Is the server running, and is AGENTHOST_OPENAI_BASE_URL right?", exception) { IsConfigurationError = true, StatusCode = http.StatusCode is { } status ? (int)status : null };
    }

    private static ModelProviderException Configuration(ClientResultException e, string message) =>
        new(message, e) { StatusCode = e.Status, IsConfigurationError = true };

    private static bool MentionsTools(string message) =>
        message.Contains("tool", StringComparison.OrdinalIgnoreCase) || message.Contains("function", StringComparison.OrdinalIgnoreCase);

    private static bool MentionsContextLength(string message) =>
        message.Contains("context length", StringComparison.OrdinalIgnoreCase)
        || message.Contains("context_length", StringComparison.OrdinalIgnoreCase)
        || message.Contains("maximum context", StringComparison.OrdinalIgnoreCase)
        || message.Contains("too many tokens", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string message)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "..." : line;
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    [LoggerMessage(EventId = 7501, Level = LogLevel.Warning, Message = "The OpenAI-compatible endpoint {BaseUrl} (model {Model}) failed: HTTP {Status}, {ErrorType}")]
    private static partial void LogFailed(ILogger logger, string baseUrl, string model, int status, string errorType);
}
