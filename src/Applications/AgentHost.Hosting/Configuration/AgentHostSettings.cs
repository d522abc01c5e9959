namespace AgentHost.Hosting.Configuration;

/// <summary>
/// Everything configurable about the host, bound from configuration. Sources, lowest precedence first:
/// <c>appsettings.json</c>, then environment variables (<c>AGENTHOST_SECTION__KEY</c> and the documented aliases),
/// then command-line options. See the README's configuration table.
/// </summary>
public sealed class AgentHostSettings
{
    /// <summary>The agent definition (section <c>Agent</c>).</summary>
    public AgentSettings Agent { get; set; } = new();

    /// <summary>The model provider (section <c>Model</c>).</summary>
    public ModelProviderSettings Model { get; set; } = new();

    /// <summary>The conversation store (section <c>Store</c>).</summary>
    public StoreSettings Store { get; set; } = new();

    /// <summary>The local development gateway (section <c>DevGateway</c>).</summary>
    public DevGatewaySettings DevGateway { get; set; } = new();

    /// <summary>The control layer: policy, approvals, intents, audit (section <c>Control</c>).</summary>
    public ControlSettings Control { get; set; } = new();

    /// <summary>Supervision: activity feed, guidance, escalation, console (section <c>Supervisor</c>).</summary>
    public SupervisorSettings Supervisor { get; set; } = new();

    /// <summary>Sanitisation of tool results and replies (section <c>Sanitization</c>).</summary>
    public SanitizationSettings Sanitization { get; set; } = new();

    /// <summary>The runtime HTTP host (section <c>Runtime</c>).</summary>
    public RuntimeSettings Runtime { get; set; } = new();

    /// <summary>
    /// What <see cref="AgentHostSettingsLoader.Load(Microsoft.Extensions.Configuration.IConfigurationRoot)"/> noticed but did not
    /// fail on, one sentence each: unknown <c>AGENTHOST_*</c> environment variables, with the closest known name. The server
    /// logs them as warnings at start-up; the CLI prints them to standard error. Not a setting (never bound).
    /// </summary>
    public IReadOnlyList<string> Warnings { get; internal set; } = [];
}
