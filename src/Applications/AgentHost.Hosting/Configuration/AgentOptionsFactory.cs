using AgentHost.Core.Agents;

namespace AgentHost.Hosting.Configuration;

/// <summary>Turns validated settings into the loop's <see cref="AgentOptions"/>.</summary>
public static class AgentOptionsFactory
{
    /// <summary>Creates the agent options (reads the instructions file when one is configured).</summary>
    public static AgentOptions Create(AgentSettings agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var limits = agent.Limits;
        var options = new AgentOptions
        {
            Name = agent.Name,
            Instructions = AgentHostSettingsLoader.ResolveInstructions(agent),
            Model = new ModelSettings
            {
                ModelId = agent.Model.ModelId,
                Temperature = agent.Model.Temperature,
                TopP = agent.Model.TopP,
                MaxOutputTokens = agent.Model.MaxOutputTokens,
                StopSequences = [.. agent.Model.StopSequences],
            },
            Limits = new AgentLimits
            {
                MaxCycles = limits.MaxCycles,
                MaxTokens = limits.MaxTokens > 0 ? limits.MaxTokens : null,
                TurnTimeout = limits.TurnTimeoutSeconds > 0 ? TimeSpan.FromSeconds(limits.TurnTimeoutSeconds) : null,
                DefaultToolTimeout = TimeSpan.FromSeconds(limits.ToolTimeoutSeconds),
                MaxConcurrentToolCalls = limits.MaxConcurrentToolCalls,
            },
            Window = new ConversationWindowOptions
            {
                MaxMessages = agent.Window.MaxMessages,
                MaxApproxTokens = agent.Window.MaxApproxTokens,
                MaxTurnsLoaded = agent.Window.MaxTurnsLoaded,
            },
        };
        foreach (var (tool, seconds) in limits.ToolTimeouts)
        {
            options.Limits.ToolTimeouts[tool] = TimeSpan.FromSeconds(seconds);
        }

        return options;
    }
}
