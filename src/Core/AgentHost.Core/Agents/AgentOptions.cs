namespace AgentHost.Core.Agents;

/// <summary>
/// The definition of an agent: its name, instructions, model settings, limits and conversation window.
/// Bound from configuration (section <c>Agent</c>, environment variables <c>AGENTHOST_*</c>); see the README's configuration table.
/// </summary>
public sealed class AgentOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Agent";

    /// <summary>The agent's name, shown in logs and the CLI. Default: <c>contact-centre-assistant</c>.</summary>
    public string Name { get; set; } = "contact-centre-assistant";

    /// <summary>The system prompt. May contain placeholders such as <c>{channel}</c>; see <c>InstructionTemplate</c>. Default: empty (no system prompt).</summary>
    public string Instructions { get; set; } = string.Empty;

    /// <summary>Model settings for every model call.</summary>
    public ModelSettings Model { get; set; } = new();

    /// <summary>Per-turn limits.</summary>
    public AgentLimits Limits { get; set; } = new();

    /// <summary>The conversation window sent to the model.</summary>
    public ConversationWindowOptions Window { get; set; } = new();
}
