namespace AgentHost.Hosting.Configuration;

/// <summary>An OpenAI-compatible chat-completions endpoint (section <c>Model:OpenAI</c>): Ollama, LM Studio, vLLM, OpenAI.</summary>
public sealed class OpenAIProviderSection
{
    /// <summary>The base URL with its version path, an absolute http(s) URL, e.g. <c>http://localhost:11434/v1</c>. Default: none.</summary>
    [Setting(Aliases = ["AGENTHOST_OPENAI_BASE_URL"])]
    public string? BaseUrl { get; set; }

    /// <summary>The model name, e.g. <c>llama3.1</c>. Default: none.</summary>
    [Setting(Aliases = ["AGENTHOST_OPENAI_MODEL"])]
    public string? Model { get; set; }

    /// <summary>The API key, when the server needs one (secret: redacted, never logged). Default: none.</summary>
    [Setting(Aliases = ["AGENTHOST_OPENAI_API_KEY"], Secret = true)]
    public string? ApiKey { get; set; }

    /// <summary>A file holding the API key instead. Default: none.</summary>
    [Setting(Aliases = ["AGENTHOST_OPENAI_API_KEY_FILE"])]
    public string? ApiKeyFile { get; set; }
}
