using System.Globalization;
using AgentHost.Core.Instructions;
using Microsoft.Extensions.Configuration;

namespace AgentHost.Hosting.Configuration;

/// <summary>Binds and validates <see cref="AgentHostSettings"/>, reporting every problem at once with the key, its source and what is allowed.</summary>
public static class AgentHostSettingsLoader
{
    private static readonly string[] Providers = ["auto", "bedrock", "openai", "offline"];
    private static readonly string[] StoreProviders = ["auto", "sqlite", "dynamodb", "memory"];
    private static readonly string[] Toggles = ["auto", "true", "false"];
    private static readonly string[] LogFormats = ["text", "json"];
    private static readonly string[] GuardrailTraces = ["enabled", "enabled_full", "disabled"];
    private static readonly string[] GuardrailStreamModes = ["sync", "async"];
    private static readonly string[] CachePoints = ["none", "true", "false", "1", "0", "system", "tools", "history"];
    private static readonly string[] LogLevels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical", "None"];

    /// <summary>Binds the settings and validates them.</summary>
    /// <exception cref="ConfigurationValidationException">Unknown keys, values of the wrong type or out of range, missing files, unknown placeholders.</exception>
    public static AgentHostSettings Load(IConfigurationRoot configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        CheckUnknownKeys(configuration, errors);

        var settings = new AgentHostSettings();
        try
        {
            configuration.Bind(settings, o => o.ErrorOnUnknownConfiguration = false);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(DescribeBindingError(configuration, ex));
            throw new ConfigurationValidationException(errors);
        }

        SplitCommaLists(configuration, settings);
        CheckValues(configuration, settings, errors);
        Composition.GatewayComposition.Read(configuration, errors);
        if (errors.Count > 0)
        {
            throw new ConfigurationValidationException(errors);
        }

        return settings;
    }

    /// <summary>Reads the instructions text: the file when configured, else the inline text, else the shipped default.</summary>
    public static string ResolveInstructions(AgentSettings agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        if (!string.IsNullOrWhiteSpace(agent.InstructionsFile))
        {
            return File.ReadAllText(agent.InstructionsFile);
        }

        return string.IsNullOrWhiteSpace(agent.Instructions) ? DefaultInstructions.Text : agent.Instructions;
    }

    private static void CheckUnknownKeys(IConfigurationRoot configuration, List<string> errors)
    {
        foreach (var pair in configuration.AsEnumerable())
        {
            var key = pair.Key;
            if (pair.Value is null)
            {
                continue; // a section, not a value
            }

            var top = key.Split(':')[0];
            var owned = KnownConfigurationKeys.Sections.Contains(top, StringComparer.OrdinalIgnoreCase);
            if (owned ? KnownConfigurationKeys.IsKnown(key) : KnownConfigurationKeys.ForeignTopLevel.Contains(top))
            {
                continue;
            }

            var suggestion = Suggest(key);
            errors.Add($"Unknown configuration key '{key}' (from {ConfigurationSources.Describe(configuration, key)})." + (suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?"));
        }
    }

    private static void CheckValues(IConfigurationRoot configuration, AgentHostSettings settings, List<string> errors)
    {
        var agent = settings.Agent;
        var limits = agent.Limits;
        Range(configuration, errors, "Agent:Limits:MaxCycles", limits.MaxCycles, 1, 1000);
        Range(configuration, errors, "Agent:Limits:MaxTokens", limits.MaxTokens, 0, long.MaxValue);
        Range(configuration, errors, "Agent:Limits:TurnTimeoutSeconds", limits.TurnTimeoutSeconds, 0, 86_400);
        RangeExclusiveZero(configuration, errors, "Agent:Limits:ToolTimeoutSeconds", limits.ToolTimeoutSeconds, 3_600);
        foreach (var (tool, seconds) in limits.ToolTimeouts)
        {
            RangeExclusiveZero(configuration, errors, $"Agent:Limits:ToolTimeouts:{tool}", seconds, 3_600);
        }

        Range(configuration, errors, "Agent:Limits:MaxConcurrentToolCalls", limits.MaxConcurrentToolCalls, 1, 64);
        Range(configuration, errors, "Agent:Window:MaxMessages", agent.Window.MaxMessages, 2, 10_000);
        Range(configuration, errors, "Agent:Window:MaxApproxTokens", agent.Window.MaxApproxTokens, 100, 10_000_000);
        Range(configuration, errors, "Agent:Window:MaxTurnsLoaded", agent.Window.MaxTurnsLoaded, 1, 10_000);
        if (agent.Model.Temperature is { } temperature)
        {
            Range(configuration, errors, "Agent:Model:Temperature", temperature, 0, 1);
        }

        if (agent.Model.TopP is { } topP)
        {
            Range(configuration, errors, "Agent:Model:TopP", topP, 0, 1);
        }

        if (agent.Model.MaxOutputTokens is { } maxOutput)
        {
            Range(configuration, errors, "Agent:Model:MaxOutputTokens", maxOutput, 1, 1_000_000);
        }

        if (string.IsNullOrWhiteSpace(agent.Name))
        {
            errors.Add($"'Agent:Name' (from {ConfigurationSources.Describe(configuration, "Agent:Name")}) must not be empty.");
        }

        OneOf(configuration, errors, "Model:Provider", settings.Model.Provider, Providers);
        var bedrock = settings.Model.Bedrock;
        OneOf(configuration, errors, "Model:Bedrock:GuardrailTrace", bedrock.GuardrailTrace, GuardrailTraces);
        if (!string.IsNullOrWhiteSpace(bedrock.GuardrailStreamMode))
        {
            OneOf(configuration, errors, "Model:Bedrock:GuardrailStreamMode", bedrock.GuardrailStreamMode, GuardrailStreamModes);
        }

        if (!string.IsNullOrWhiteSpace(bedrock.GuardrailId) && string.IsNullOrWhiteSpace(bedrock.GuardrailVersion))
        {
            errors.Add("'Model:Bedrock:GuardrailId' is set but 'Model:Bedrock:GuardrailVersion' is empty; give a version number or DRAFT (AGENTHOST_BEDROCK_GUARDRAIL_VERSION).");
        }

        foreach (var point in bedrock.PromptCaching.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!CachePoints.Contains(point, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"'Model:Bedrock:PromptCaching' is '{bedrock.PromptCaching}' (from {ConfigurationSources.Describe(configuration, "Model:Bedrock:PromptCaching")}); it must be none, true, false, or a comma-separated list of system, tools, history.");
                break;
            }
        }

        var openAI = settings.Model.OpenAI;
        if (!string.IsNullOrWhiteSpace(openAI.BaseUrl) && !(Uri.TryCreate(openAI.BaseUrl, UriKind.Absolute, out var baseUrl) && (baseUrl.Scheme == Uri.UriSchemeHttp || baseUrl.Scheme == Uri.UriSchemeHttps)))
        {
            errors.Add($"'Model:OpenAI:BaseUrl' is '{openAI.BaseUrl}' (from {ConfigurationSources.Describe(configuration, "Model:OpenAI:BaseUrl")}); it must be an absolute http(s) URL such as http://localhost:11434/v1.");
        }

        if (string.Equals(settings.Model.Provider, "openai", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(openAI.BaseUrl))
            {
                errors.Add("'Model:Provider' is 'openai' but no endpoint is configured: set 'Model:OpenAI:BaseUrl' (AGENTHOST_OPENAI_BASE_URL), e.g. http://localhost:11434/v1.");
            }

            if (string.IsNullOrWhiteSpace(openAI.Model))
            {
                errors.Add("'Model:Provider' is 'openai' but no model is configured: set 'Model:OpenAI:Model' (AGENTHOST_OPENAI_MODEL), e.g. llama3.1.");
            }
        }

        OneOf(configuration, errors, "Store:Provider", settings.Store.Provider, StoreProviders);
        OneOf(configuration, errors, "DevGateway:Enabled", settings.DevGateway.Enabled, Toggles);
        Range(configuration, errors, "DevGateway:Port", settings.DevGateway.Port, 0, 65_535);
        Range(configuration, errors, "Store:DynamoDbTtlDays", settings.Store.DynamoDbTtlDays, 1, 3_650);
        Range(configuration, errors, "Runtime:MaxRequestBodyBytes", settings.Runtime.MaxRequestBodyBytes, 1, 100L * 1024 * 1024);
        Range(configuration, errors, "Runtime:DrainTimeoutSeconds", settings.Runtime.DrainTimeoutSeconds, 0, 600);
        Range(configuration, errors, "Runtime:GatewayStartupWaitSeconds", settings.Runtime.GatewayStartupWaitSeconds, 0, 300);
        OneOf(configuration, errors, "Runtime:LogFormat", settings.Runtime.LogFormat, LogFormats);
        OneOf(configuration, errors, "Runtime:LogLevel", settings.Runtime.LogLevel, LogLevels);
        if (string.Equals(settings.Store.Provider, "dynamodb", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(settings.Store.DynamoDbTable))
        {
            errors.Add("'Store:Provider' is 'dynamodb' but no table is configured: set 'Store:DynamoDbTable' (AGENTHOST_DYNAMODB_TABLE).");
        }

        if (string.Equals(settings.Model.Provider, "bedrock", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(agent.Model.ModelId))
        {
            errors.Add("'Model:Provider' is 'bedrock' but no model id is configured: set 'Agent:Model:ModelId' (AGENTHOST_MODEL_ID).");
        }

        string? instructions = agent.Instructions;
        if (!string.IsNullOrWhiteSpace(agent.InstructionsFile))
        {
            var path = Path.GetFullPath(agent.InstructionsFile);
            if (!File.Exists(path))
            {
                errors.Add($"'Agent:InstructionsFile' (from {ConfigurationSources.Describe(configuration, "Agent:InstructionsFile")}) points to '{path}', which does not exist.");
                instructions = null;
            }
            else
            {
                instructions = File.ReadAllText(path);
            }
        }

        if (!string.IsNullOrEmpty(instructions))
        {
            foreach (var unknown in InstructionTemplate.FindUnknownPlaceholders(instructions))
            {
                errors.Add($"The instructions use the unknown placeholder '{{{unknown}}}'. Known: {string.Join(", ", InstructionTemplate.KnownNames.Select(n => "{" + n + "}"))}, {{attributes.NAME}}; write '{{{{' for a literal brace.");
            }
        }
    }

    private static void Range(IConfigurationRoot configuration, List<string> errors, string key, double value, double min, double max)
    {
        if (value < min || value > max || double.IsNaN(value))
        {
            errors.Add($"'{key}' is {value.ToString(CultureInfo.InvariantCulture)} (from {ConfigurationSources.Describe(configuration, key)}); it must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private static void RangeExclusiveZero(IConfigurationRoot configuration, List<string> errors, string key, double value, double max)
    {
        if (value <= 0 || value > max || double.IsNaN(value))
        {
            errors.Add($"'{key}' is {value.ToString(CultureInfo.InvariantCulture)} (from {ConfigurationSources.Describe(configuration, key)}); it must be more than 0 and at most {max.ToString(CultureInfo.InvariantCulture)} seconds.");
        }
    }

    private static void OneOf(IConfigurationRoot configuration, List<string> errors, string key, string value, string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"'{key}' is '{value}' (from {ConfigurationSources.Describe(configuration, key)}); it must be one of: {string.Join(", ", allowed)}.");
        }
    }

    private static string DescribeBindingError(IConfigurationRoot configuration, InvalidOperationException ex)
    {
        // The binder's message names the value and the path: "Failed to convert configuration value 'many' at 'Agent:Limits:MaxCycles' to type 'System.Int32'."
        var message = ex.Message;
        var match = System.Text.RegularExpressions.Regex.Match(message, " at '(?<key>[^']+)'");
        if (match.Success)
        {
            var key = match.Groups["key"].Value;
            var value = configuration[key];
            return $"'{key}' has the value '{value}' (from {ConfigurationSources.Describe(configuration, key)}), which is not a valid {DescribeType(message)}.";
        }

        return message;
    }

    private static string DescribeType(string message) =>
        message.Contains("Int32", StringComparison.Ordinal) || message.Contains("Int64", StringComparison.Ordinal) ? "whole number"
        : message.Contains("Double", StringComparison.Ordinal) || message.Contains("Single", StringComparison.Ordinal) ? "number"
        : message.Contains("Boolean", StringComparison.Ordinal) ? "boolean (true or false)"
        : "value of the expected type";

    /// <summary>Lists may also be given as one comma-separated value (handy in environment variables).</summary>
    private static void SplitCommaLists(IConfigurationRoot configuration, AgentHostSettings settings)
    {
        List<string> Split(string key, List<string> values)
        {
            var all = new List<string>(values);
            if (configuration[key] is { } scalar)
            {
                all.Add(scalar);
            }

            return all.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
        }

        settings.Agent.Tools.Allow = Split("Agent:Tools:Allow", settings.Agent.Tools.Allow);
        settings.Agent.Tools.Deny = Split("Agent:Tools:Deny", settings.Agent.Tools.Deny);
        settings.Agent.Model.StopSequences = Split("Agent:Model:StopSequences", settings.Agent.Model.StopSequences);
    }

    private static string? Suggest(string key)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in KnownConfigurationKeys.Exact)
        {
            var distance = Levenshtein(key.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return bestDistance <= Math.Max(2, key.Length / 5) ? best : null;
    }

    private static int Levenshtein(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
