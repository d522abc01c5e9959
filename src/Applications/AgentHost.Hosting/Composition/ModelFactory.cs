using AgentHost.Bedrock;
using AgentHost.Hosting.Configuration;
using AgentHost.Models.Offline;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentHost.Hosting.Composition;

/// <summary>Chooses the model: Bedrock when configured (or required), otherwise the offline rule-based model.</summary>
public static class ModelFactory
{
    /// <summary>Returns true when Bedrock will be used for these settings and environment.</summary>
    public static bool UsesBedrock(AgentHostSettings settings, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Model.Provider.ToUpperInvariant() switch
        {
            "BEDROCK" => true,
            "OFFLINE" => false,
            _ => BedrockConfiguration.IsConfigured(BedrockOptions(settings, environment), environment),
        };
    }

    /// <summary>Creates the model client and describes it.</summary>
    /// <exception cref="InvalidOperationException">Bedrock is required but cannot be created (e.g. no region).</exception>
    public static (IChatClient Client, string Description) Create(AgentHostSettings settings, ILoggerFactory loggerFactory, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (UsesBedrock(settings, environment))
        {
            var options = BedrockOptions(settings, environment).WithEnvironmentDefaults(environment);
            var client = BedrockConfiguration.CreateChatClient(options, loggerFactory);
            return (client, $"Bedrock {options.ModelId} ({options.ResolveRegion(environment) ?? "region from the AWS profile"})");
        }

        var offline = new OfflineChatClient(new OfflineChatClientOptions(), loggerFactory.CreateLogger<OfflineChatClient>());
        return (offline, "offline rule-based model (not a language model; set AGENTHOST_MODEL_ID and AWS credentials for Bedrock)");
    }

    private static BedrockChatClientOptions BedrockOptions(AgentHostSettings settings, Func<string, string?>? environment)
    {
        var options = BedrockChatClientOptions.FromEnvironment(environment);
        if (!string.IsNullOrWhiteSpace(settings.Agent.Model.ModelId))
        {
            options.ModelId = settings.Agent.Model.ModelId;
        }

        return options;
    }
}
