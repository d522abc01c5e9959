using System.Globalization;
using AgentHost.Core.Instructions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AgentHost.Hosting.Configuration;

/// <summary>
/// Validates bound <see cref="AgentHostSettings"/>: every setting against its declaration in <see cref="AgentHostSettingsCatalog"/>
/// (range, allowed values, required text), then the rules between settings (a table for DynamoDB, a model id for Bedrock,
/// a URL and a model for an OpenAI-compatible endpoint, a guardrail version, prompt-cache points, the instructions file and
/// placeholders). Each failure names the key, its value, where it came from and what is allowed.
/// </summary>
/// <param name="configuration">The configuration the settings were bound from (for the source of each value).</param>
public sealed class AgentHostSettingsValidator(IConfigurationRoot configuration) : IValidateOptions<AgentHostSettings>
{
    private static readonly string[] CachePoints = ["none", "true", "false", "1", "0", "system", "tools", "history"];

    /// <inheritdoc/>
    public ValidateOptionsResult Validate(string? name, AgentHostSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var setting in AgentHostSettingsCatalog.All)
        {
            CheckDeclaration(setting, options, errors);
        }

        CheckRules(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private void CheckDeclaration(SettingDescriptor setting, AgentHostSettings settings, List<string> errors)
    {
        var value = setting.Read(settings);
        if (setting.Required && string.IsNullOrWhiteSpace(value as string))
        {
            errors.Add($"'{setting.Key}' (from {Source(setting.Key)}) must not be empty.");
        }

        var unsetOptional = string.IsNullOrWhiteSpace(value as string) && setting.Default.Length == 0;
        if (setting.AllowedValues.Count > 0 && value is string text && !unsetOptional && !setting.AllowedValues.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"'{setting.Key}' is '{text}' (from {Source(setting.Key)}); it must be one of: {string.Join(", ", setting.AllowedValues)}.");
        }

        if (setting.Minimum is null && setting.Maximum is null)
        {
            return;
        }

        if (setting.Kind == SettingKind.Map && value is System.Collections.IDictionary map)
        {
            foreach (System.Collections.DictionaryEntry entry in map)
            {
                CheckRange(setting, $"{setting.Key}:{entry.Key}", entry.Value, errors);
            }
        }
        else
        {
            CheckRange(setting, setting.Key, value, errors);
        }
    }

    private void CheckRange(SettingDescriptor setting, string key, object? value, List<string> errors)
    {
        double? number = value switch
        {
            int i => i,
            long l => l,
            double d => d,
            float f => f,
            decimal m => (double)m,
            _ => null,
        };
        if (number is not { } n)
        {
            return; // unset (the model's default) or not a number
        }

        var tooLow = setting.Minimum is { } min && (setting.MinimumIsExclusive ? n <= min : n < min);
        var tooHigh = setting.Maximum is { } max && (setting.MaximumIsExclusive ? n >= max : n > max);
        if (tooLow || tooHigh || double.IsNaN(n))
        {
            errors.Add($"'{key}' is {SettingDescriptor.Format(value)} (from {Source(key)}); it must be {DescribeRange(setting)}.");
        }
    }

    private static string DescribeRange(SettingDescriptor setting)
    {
        static string Number(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        var unit = setting.Unit is { Length: > 0 } u ? " " + u : string.Empty;
        if (!setting.MinimumIsExclusive && !setting.MaximumIsExclusive && setting.Minimum is not null && setting.Maximum is not null)
        {
            return $"between {Number(setting.Minimum)} and {Number(setting.Maximum)}{unit}";
        }

        var parts = new List<string>();
        if (setting.Minimum is not null)
        {
            parts.Add((setting.MinimumIsExclusive ? "more than " : "at least ") + Number(setting.Minimum));
        }

        if (setting.Maximum is not null)
        {
            parts.Add((setting.MaximumIsExclusive ? "less than " : "at most ") + Number(setting.Maximum));
        }

        return string.Join(" and ", parts) + unit;
    }

    private void CheckRules(AgentHostSettings settings, List<string> errors)
    {
        if (string.Equals(settings.Store.Provider, "dynamodb", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(settings.Store.DynamoDbTable))
        {
            errors.Add($"'Store:Provider' is 'dynamodb' but no table is configured: set {Named("Store:DynamoDbTable")}.");
        }

        var agent = settings.Agent;
        if (string.Equals(settings.Model.Provider, "bedrock", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(agent.Model.ModelId))
        {
            errors.Add($"'Model:Provider' is 'bedrock' but no model id is configured: set {Named("Agent:Model:ModelId")}.");
        }

        CheckModelProviders(settings, errors);
        CheckPolicyFile(settings.Control, errors);
        CheckSanitizationFile(settings.Sanitization, errors);
        var instructions = agent.Instructions;
        if (!string.IsNullOrWhiteSpace(agent.InstructionsFile))
        {
            var path = Path.GetFullPath(agent.InstructionsFile);
            if (!File.Exists(path))
            {
                errors.Add($"'Agent:InstructionsFile' (from {Source("Agent:InstructionsFile")}) points to '{path}', which does not exist.");
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

    /// <summary>An invalid policy stops the host at start-up, naming the file and the line.</summary>
    private void CheckPolicyFile(ControlSettings control, List<string> errors)
    {
        if (!control.Enabled || string.IsNullOrWhiteSpace(control.PolicyFile))
        {
            return;
        }

        try
        {
            global::AgentHost.Control.Policy.PolicyLoader.LoadFile(Path.GetFullPath(control.PolicyFile));
        }
        catch (global::AgentHost.Control.Policy.PolicyFileException ex)
        {
            errors.Add($"'Control:PolicyFile' (from {Source("Control:PolicyFile")}): {ex.Message}");
        }
    }

    /// <summary>An invalid sanitisation file stops the host at start-up, naming the file and what is wrong.</summary>
    private void CheckSanitizationFile(SanitizationSettings sanitization, List<string> errors)
    {
        if (!sanitization.Enabled || string.IsNullOrWhiteSpace(sanitization.File))
        {
            return;
        }

        var path = Path.GetFullPath(sanitization.File);
        try
        {
            global::AgentHost.Sanitization.SanitizationOptionsFile.Load(path);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            errors.Add($"'Sanitization:File' (from {Source("Sanitization:File")}) points to '{path}': {ex.Message}");
        }
    }

    private void CheckModelProviders(AgentHostSettings settings, List<string> errors)
    {
        var bedrock = settings.Model.Bedrock;
        if (!string.IsNullOrWhiteSpace(bedrock.GuardrailId) && string.IsNullOrWhiteSpace(bedrock.GuardrailVersion))
        {
            errors.Add($"'Model:Bedrock:GuardrailId' is set but 'Model:Bedrock:GuardrailVersion' is empty; give a version number or DRAFT ({Variable("Model:Bedrock:GuardrailVersion")}).");
        }

        if (bedrock.PromptCaching.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(p => !CachePoints.Contains(p, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add($"'Model:Bedrock:PromptCaching' is '{bedrock.PromptCaching}' (from {Source("Model:Bedrock:PromptCaching")}); it must be none, true, false, or a comma-separated list of system, tools, history.");
        }

        var openAI = settings.Model.OpenAI;
        if (!string.IsNullOrWhiteSpace(openAI.BaseUrl) && !(Uri.TryCreate(openAI.BaseUrl, UriKind.Absolute, out var baseUrl) && (baseUrl.Scheme == Uri.UriSchemeHttp || baseUrl.Scheme == Uri.UriSchemeHttps)))
        {
            errors.Add($"'Model:OpenAI:BaseUrl' is '{openAI.BaseUrl}' (from {Source("Model:OpenAI:BaseUrl")}); it must be an absolute http(s) URL such as http://localhost:11434/v1.");
        }

        if (string.Equals(settings.Model.Provider, "openai", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(openAI.BaseUrl))
            {
                errors.Add($"'Model:Provider' is 'openai' but no endpoint is configured: set {Named("Model:OpenAI:BaseUrl")}, e.g. http://localhost:11434/v1.");
            }

            if (string.IsNullOrWhiteSpace(openAI.Model))
            {
                errors.Add($"'Model:Provider' is 'openai' but no model is configured: set {Named("Model:OpenAI:Model")}, e.g. llama3.1.");
            }
        }
    }

    /// <summary>A key with its preferred environment variable, e.g. <c>'Agent:Model:ModelId' (AGENTHOST_MODEL_ID)</c>.</summary>
    private static string Named(string key) => $"'{key}' ({Variable(key)})";

    /// <summary>The preferred environment variable of a key: its first alias, else the generic form.</summary>
    private static string Variable(string key)
    {
        var setting = AgentHostSettingsCatalog.Get(key);
        return setting.Aliases.Count > 0 ? setting.Aliases[0] : setting.EnvironmentVariable;
    }

    private string Source(string key) => ConfigurationSources.Describe(configuration, key);
}
