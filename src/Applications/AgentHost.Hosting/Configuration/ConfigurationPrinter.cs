using System.Globalization;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace AgentHost.Hosting.Configuration;

/// <summary>Prints the effective configuration (every key the host understands, its value and its source) with secrets redacted.</summary>
public static class ConfigurationPrinter
{
    /// <summary>The text printed instead of a secret.</summary>
    public const string Redacted = "***";

    /// <summary>Renders the effective configuration as <c>key = value  (source)</c> lines.</summary>
    public static string Render(IConfigurationRoot configuration, AgentHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        var rows = new List<(string Key, string Value)>
        {
            ("Agent:Name", settings.Agent.Name),
            ("Agent:InstructionsFile", settings.Agent.InstructionsFile ?? string.Empty),
            ("Agent:Instructions", DescribeInstructions(settings.Agent)),
            ("Agent:Model:ModelId", settings.Agent.Model.ModelId ?? string.Empty),
            ("Agent:Model:Temperature", Format(settings.Agent.Model.Temperature)),
            ("Agent:Model:TopP", Format(settings.Agent.Model.TopP)),
            ("Agent:Model:MaxOutputTokens", Format(settings.Agent.Model.MaxOutputTokens)),
            ("Agent:Model:StopSequences", string.Join(",", settings.Agent.Model.StopSequences)),
            ("Agent:Limits:MaxCycles", Format(settings.Agent.Limits.MaxCycles)),
            ("Agent:Limits:MaxTokens", Format(settings.Agent.Limits.MaxTokens)),
            ("Agent:Limits:TurnTimeoutSeconds", Format(settings.Agent.Limits.TurnTimeoutSeconds)),
            ("Agent:Limits:ToolTimeoutSeconds", Format(settings.Agent.Limits.ToolTimeoutSeconds)),
            ("Agent:Limits:MaxConcurrentToolCalls", Format(settings.Agent.Limits.MaxConcurrentToolCalls)),
            ("Agent:Window:MaxMessages", Format(settings.Agent.Window.MaxMessages)),
            ("Agent:Window:MaxApproxTokens", Format(settings.Agent.Window.MaxApproxTokens)),
            ("Agent:Window:MaxTurnsLoaded", Format(settings.Agent.Window.MaxTurnsLoaded)),
            ("Agent:Tools:Allow", string.Join(",", settings.Agent.Tools.Allow)),
            ("Agent:Tools:Deny", string.Join(",", settings.Agent.Tools.Deny)),
            ("Model:Provider", settings.Model.Provider),
            ("Model:OpenAI:BaseUrl", settings.Model.OpenAI.BaseUrl ?? string.Empty),
            ("Model:OpenAI:Model", settings.Model.OpenAI.Model ?? string.Empty),
            ("Model:OpenAI:ApiKey", settings.Model.OpenAI.ApiKey ?? string.Empty),
            ("Model:OpenAI:ApiKeyFile", settings.Model.OpenAI.ApiKeyFile ?? string.Empty),
            ("Model:Bedrock:GuardrailId", settings.Model.Bedrock.GuardrailId ?? string.Empty),
            ("Model:Bedrock:GuardrailVersion", settings.Model.Bedrock.GuardrailVersion),
            ("Model:Bedrock:GuardrailTrace", settings.Model.Bedrock.GuardrailTrace),
            ("Model:Bedrock:GuardrailStreamMode", settings.Model.Bedrock.GuardrailStreamMode ?? string.Empty),
            ("Model:Bedrock:PromptCaching", settings.Model.Bedrock.PromptCaching),
            ("Store:Provider", settings.Store.Provider),
            ("Store:SqlitePath", settings.Store.SqlitePath),
            ("Store:DynamoDbTable", settings.Store.DynamoDbTable ?? string.Empty),
            ("Store:DynamoDbTtlDays", Format(settings.Store.DynamoDbTtlDays)),
            ("Store:DynamoDbCreateTable", settings.Store.DynamoDbCreateTable ? "true" : "false"),
            ("DevGateway:Enabled", settings.DevGateway.Enabled),
            ("DevGateway:Port", Format(settings.DevGateway.Port)),
            ("DevGateway:Token", settings.DevGateway.Token ?? string.Empty),
            ("Runtime:MaxRequestBodyBytes", Format(settings.Runtime.MaxRequestBodyBytes)),
            ("Runtime:DrainTimeoutSeconds", Format(settings.Runtime.DrainTimeoutSeconds)),
            ("Runtime:GatewayStartupWaitSeconds", Format(settings.Runtime.GatewayStartupWaitSeconds)),
            ("Runtime:LogFormat", settings.Runtime.LogFormat),
            ("Runtime:LogLevel", settings.Runtime.LogLevel),
        };
        foreach (var (tool, seconds) in settings.Agent.Limits.ToolTimeouts)
        {
            rows.Add(($"Agent:Limits:ToolTimeouts:{tool}", Format(seconds)));
        }

        var width = rows.Max(r => r.Key.Length);
        var text = new StringBuilder();
        foreach (var (key, value) in rows)
        {
            var shown = KnownConfigurationKeys.IsSecret(key) && value.Length > 0 ? Redacted : value;
            text.Append(key.PadRight(width)).Append(" = ").Append(shown)
                .Append("    (").Append(ConfigurationSources.Describe(configuration, key)).Append(')').AppendLine();
        }

        return text.ToString();
    }

    private static string DescribeInstructions(AgentSettings agent)
    {
        if (!string.IsNullOrWhiteSpace(agent.InstructionsFile))
        {
            return "(from the file)";
        }

        var text = string.IsNullOrWhiteSpace(agent.Instructions) ? "(shipped default) " + DefaultInstructions.Text : agent.Instructions;
        var firstLine = text.Trim().Split('\n')[0].Trim();
        return firstLine.Length > 80 ? firstLine[..80] + "..." : firstLine;
    }

    private static string Format<T>(T value) => value switch
    {
        null => string.Empty,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
