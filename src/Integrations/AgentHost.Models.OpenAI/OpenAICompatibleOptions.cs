namespace AgentHost.Models.OpenAI;

/// <summary>
/// Settings of the OpenAI-compatible model provider (section <c>Model:OpenAI</c>, variables <c>AGENTHOST_OPENAI_*</c>):
/// any server that speaks OpenAI's chat-completions API with tools — Ollama, LM Studio, vLLM, llama.cpp's server, OpenAI.
/// </summary>
public sealed class OpenAICompatibleOptions
{
    /// <summary>The environment variable of <see cref="BaseUrl"/>.</summary>
    public const string BaseUrlVariable = "AGENTHOST_OPENAI_BASE_URL";

    /// <summary>The environment variable of <see cref="Model"/>.</summary>
    public const string ModelVariable = "AGENTHOST_OPENAI_MODEL";

    /// <summary>The environment variable of <see cref="ApiKey"/>.</summary>
    public const string ApiKeyVariable = "AGENTHOST_OPENAI_API_KEY";

    /// <summary>The environment variable of <see cref="ApiKeyFile"/>.</summary>
    public const string ApiKeyFileVariable = "AGENTHOST_OPENAI_API_KEY_FILE";

    /// <summary>
    /// The API's base URL, including its version path: e.g. <c>http://localhost:11434/v1</c> (Ollama),
    /// <c>http://localhost:1234/v1</c> (LM Studio), <c>http://localhost:8000/v1</c> (vLLM). Default: none (required).
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The model name the server knows, e.g. <c>llama3.1</c> or <c>qwen2.5:7b</c>. Default: none (required).</summary>
    public string? Model { get; set; }

    /// <summary>The API key, when the server needs one (local servers usually do not). Sensitive: never logged. Default: none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A file holding the API key (read at start-up, trimmed), instead of <see cref="ApiKey"/>. Default: none.</summary>
    public string? ApiKeyFile { get; set; }

    /// <summary>How long to wait for a connection before giving up (an unreachable URL fails fast). Default: 5 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one request may take (local models can be slow on a first call). Default: 120 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt for throttling, 5xx and connection failures. Default: 2.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Fills unset properties from the <c>AGENTHOST_OPENAI_*</c> variables and returns this instance.</summary>
    public OpenAICompatibleOptions WithEnvironmentDefaults(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (BaseUrl is null && environment(BaseUrlVariable) is { Length: > 0 } url)
        {
            BaseUrl = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) ? parsed : throw new ArgumentException($"{BaseUrlVariable} is '{url}'; it must be an absolute http(s) URL such as http://localhost:11434/v1.");
        }

        Model ??= environment(ModelVariable) is { Length: > 0 } model ? model.Trim() : null;
        ApiKey ??= environment(ApiKeyVariable) is { Length: > 0 } key ? key : null;
        ApiKeyFile ??= environment(ApiKeyFileVariable) is { Length: > 0 } file ? file : null;
        return this;
    }

    /// <summary>Checks the settings and reads the key file.</summary>
    /// <returns>The API key to send, or null for none.</returns>
    /// <exception cref="ArgumentException">A setting is missing or invalid; the message names its variable.</exception>
    public string? Validate()
    {
        if (BaseUrl is null)
        {
            throw new ArgumentException($"The OpenAI-compatible provider needs a base URL: set {BaseUrlVariable} (e.g. http://localhost:11434/v1 for Ollama).");
        }

        if (BaseUrl.Scheme != Uri.UriSchemeHttp && BaseUrl.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException($"{BaseUrlVariable} is '{BaseUrl}'; it must be an http(s) URL.");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new ArgumentException($"The OpenAI-compatible provider needs a model name: set {ModelVariable} (e.g. llama3.1 for Ollama).");
        }

        if (MaxRetries < 0 || ConnectTimeout <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("The OpenAI-compatible provider's retries must not be negative and its timeouts must be positive.");
        }

        if (!string.IsNullOrWhiteSpace(ApiKeyFile))
        {
            var path = Path.GetFullPath(ApiKeyFile);
            if (!File.Exists(path))
            {
                throw new ArgumentException($"{ApiKeyFileVariable} points to '{path}', which does not exist.");
            }

            var key = File.ReadAllText(path).Trim();
            return key.Length == 0 ? throw new ArgumentException($"{ApiKeyFileVariable} points to '{path}', which is empty.") : key;
        }

        return string.IsNullOrWhiteSpace(ApiKey) ? null : ApiKey;
    }
}
