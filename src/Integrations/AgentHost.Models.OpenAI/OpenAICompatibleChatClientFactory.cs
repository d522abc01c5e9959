using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OpenAI;

namespace AgentHost.Models.OpenAI;

/// <summary>Creates the <see cref="IChatClient"/> of an OpenAI-compatible endpoint (M.E.AI's OpenAI client with AgentHost's error messages and timeouts).</summary>
public static class OpenAICompatibleChatClientFactory
{
    /// <summary>The provider name in <see cref="ChatClientMetadata"/> and telemetry.</summary>
    public const string ProviderName = "openai";

    /// <summary>Creates the client.</summary>
    /// <param name="options">The settings (validated here).</param>
    /// <param name="loggerFactory">Logging; optional.</param>
    /// <param name="handler">The HTTP handler (tests); default: sockets with <see cref="OpenAICompatibleOptions.ConnectTimeout"/>. Disposed with the client.</param>
    /// <exception cref="ArgumentException">A setting is missing or invalid.</exception>
    public static IChatClient Create(OpenAICompatibleOptions options, ILoggerFactory? loggerFactory = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apiKey = options.Validate();
        var http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = options.ConnectTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            Transport = new HttpClientPipelineTransport(http),
            NetworkTimeout = options.RequestTimeout,
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        };

        // Local servers take any key; the client library needs a non-empty one.
        var chat = new global::OpenAI.Chat.ChatClient(options.Model!, new ApiKeyCredential(apiKey ?? "no-key"), clientOptions);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("AgentHost.Models.OpenAI");
        return new OpenAICompatibleErrorClient(chat.AsIChatClient(), options.BaseUrl!, options.Model!, http, logger);
    }
}
