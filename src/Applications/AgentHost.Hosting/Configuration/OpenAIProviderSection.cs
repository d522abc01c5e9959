namespace AgentHost.Hosting.Configuration;

/// <summary>An OpenAI-compatible chat-completions endpoint (section <c>Model:OpenAI</c>): Ollama, LM Studio, vLLM, OpenAI.</summary>
public sealed class OpenAIProviderSection
{
    /// <summary>The base URL with its version path, e.g. <c>http://localhost:11434/v1</c>. Default: none. Env <c>AGENTHOST_OPENAI_BASE_URL</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The model name, e.g. <c>llama3.1</c>. Default: none. Env <c>AGENTHOST_OPENAI_MODEL</c>.</summary>
    public string? Model { get; set; }

    /// <summary>The API key, when the server needs one (secret; redacted). Default: none. Env <c>AGENTHOST_OPENAI_API_KEY</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A file holding the API key instead. Default: none. Env <c>AGENTHOST_OPENAI_API_KEY_FILE</c>.</summary>
    public string? ApiKeyFile { get; set; }
}
