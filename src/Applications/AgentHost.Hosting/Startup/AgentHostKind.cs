namespace AgentHost.Hosting.Startup;

/// <summary>Which application hosts the agent: decides the defaults that differ between them (development gateway, logging).</summary>
public enum AgentHostKind
{
    /// <summary>The AgentCore Runtime container (<c>AgentHost.Server</c>): structured logs, no development gateway unless asked for.</summary>
    Server,

    /// <summary>The interactive CLI (<c>agenthost chat</c>, <c>invoke</c>): quiet logs, the development gateway when no gateway is configured.</summary>
    Cli,
}
