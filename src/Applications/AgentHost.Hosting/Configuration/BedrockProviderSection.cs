namespace AgentHost.Hosting.Configuration;

/// <summary>Bedrock Guardrails and prompt caching (section <c>Model:Bedrock</c>); the model id is <c>Agent:Model:ModelId</c>.</summary>
public sealed class BedrockProviderSection
{
    /// <summary>A guardrail's id or ARN applied to every model call. Default: none. Env <c>AGENTHOST_BEDROCK_GUARDRAIL_ID</c>.</summary>
    public string? GuardrailId { get; set; }

    /// <summary>The guardrail version (a number or <c>DRAFT</c>). Default: <c>DRAFT</c>. Env <c>AGENTHOST_BEDROCK_GUARDRAIL_VERSION</c>.</summary>
    public string GuardrailVersion { get; set; } = "DRAFT";

    /// <summary><c>enabled</c>, <c>enabled_full</c> or <c>disabled</c>. Default: <c>enabled</c>. Env <c>AGENTHOST_BEDROCK_GUARDRAIL_TRACE</c>.</summary>
    public string GuardrailTrace { get; set; } = "enabled";

    /// <summary><c>sync</c> or <c>async</c> for streamed calls; empty for Bedrock's default (sync). Env <c>AGENTHOST_BEDROCK_GUARDRAIL_STREAM_MODE</c>.</summary>
    public string? GuardrailStreamMode { get; set; }

    /// <summary>
    /// Prompt-cache points: <c>none</c>, <c>true</c> (system and tools) or a comma list of <c>system</c>, <c>tools</c>,
    /// <c>history</c>. Default: <c>none</c>. Env <c>AGENTHOST_BEDROCK_PROMPT_CACHING</c>.
    /// </summary>
    public string PromptCaching { get; set; } = "none";
}
