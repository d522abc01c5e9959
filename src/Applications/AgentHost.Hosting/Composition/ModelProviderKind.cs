namespace AgentHost.Hosting.Composition;

/// <summary>The model provider at the bottom of the model pipeline.</summary>
public enum ModelProviderKind
{
    /// <summary>The offline rule-based model (no language model; no account needed).</summary>
    Offline,

    /// <summary>Amazon Bedrock (Converse / ConverseStream).</summary>
    Bedrock,

    /// <summary>Any OpenAI-compatible chat-completions endpoint (Ollama, LM Studio, vLLM, OpenAI).</summary>
    OpenAI,
}
