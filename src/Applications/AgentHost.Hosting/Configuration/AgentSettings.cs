using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>The agent definition (configuration section <c>Agent</c>).</summary>
public sealed class AgentSettings
{
    /// <summary>The agent's name (logs, <c>{agentName}</c>); must not be empty. Default: <c>contact-centre-assistant</c>.</summary>
    [Required]
    [Setting(Aliases = ["AGENTHOST_AGENT_NAME"])]
    public string Name { get; set; } = "contact-centre-assistant";

    /// <summary>The instructions (system prompt), inline. Default: the shipped contact-centre instructions (<see cref="DefaultInstructions.Text"/>).</summary>
    [Setting(Unset = "the shipped contact-centre instructions")]
    public string? Instructions { get; set; }

    /// <summary>A file holding the instructions; wins over <see cref="Instructions"/>. Relative paths are relative to the working directory. Default: none.</summary>
    [Setting(Aliases = ["AGENTHOST_INSTRUCTIONS_FILE"])]
    public string? InstructionsFile { get; set; }

    /// <summary>Model id and inference settings.</summary>
    public ModelSettingsSection Model { get; set; } = new();

    /// <summary>Per-turn limits.</summary>
    public LimitsSection Limits { get; set; } = new();

    /// <summary>The conversation window.</summary>
    public WindowSection Window { get; set; } = new();

    /// <summary>Tool allow/deny lists.</summary>
    public ToolFilterSection Tools { get; set; } = new();
}
