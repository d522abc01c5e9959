using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>Bedrock Guardrails and prompt caching (section <c>Model:Bedrock</c>); the model id is <c>Agent:Model:ModelId</c>.</summary>
public sealed class BedrockProviderSection
{
    /// <summary>A guardrail's id or ARN applied to every model call; an intervention ends the turn with stop reason <c>contentFiltered</c>. Default: none.</summary>
    [Setting(Aliases = ["AGENTHOST_BEDROCK_GUARDRAIL_ID"])]
    public string? GuardrailId { get; set; }

    /// <summary>The guardrail version (a number or <c>DRAFT</c>); required with a guardrail id. Default: <c>DRAFT</c>.</summary>
    [Setting(Aliases = ["AGENTHOST_BEDROCK_GUARDRAIL_VERSION"])]
    public string GuardrailVersion { get; set; } = "DRAFT";

    /// <summary>The guardrail trace (why it intervened): <c>enabled</c>, <c>enabled_full</c> or <c>disabled</c>. Default: <c>enabled</c>.</summary>
    [AllowedValues("enabled", "enabled_full", "disabled")]
    [Setting(Aliases = ["AGENTHOST_BEDROCK_GUARDRAIL_TRACE"])]
    public string GuardrailTrace { get; set; } = "enabled";

    /// <summary>Streamed calls only: <c>sync</c> (each chunk assessed before it is sent) or <c>async</c>; empty for Bedrock's default (sync).</summary>
    [AllowedValues("sync", "async")]
    [Setting(Aliases = ["AGENTHOST_BEDROCK_GUARDRAIL_STREAM_MODE"], Unset = "Bedrock's")]
    public string? GuardrailStreamMode { get; set; }

    /// <summary>
    /// Prompt-cache points: <c>none</c>, <c>true</c> (after the system prompt and after the tools) or a comma-separated list of
    /// <c>system</c>, <c>tools</c>, <c>history</c> (before the latest user input). Default: <c>none</c>.
    /// </summary>
    [Setting(Aliases = ["AGENTHOST_BEDROCK_PROMPT_CACHING"])]
    public string PromptCaching { get; set; } = "none";
}
