using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace AgentHost.Hosting.Configuration;

/// <summary>Binds and validates <see cref="AgentHostSettings"/>, reporting every problem at once with the key, its source and what is allowed.</summary>
public static class AgentHostSettingsLoader
{
    /// <summary>
    /// Binds the settings (source-generated binder) and validates them (<see cref="AgentHostSettingsValidator"/>). Unknown keys
    /// in the settings file or on the command line are errors; unknown <c>AGENTHOST_*</c> environment variables are only
    /// warnings (<see cref="AgentHostSettings.Warnings"/>, naming the closest known variable): the environment of a process
    /// holds variables meant for other programs.
    /// </summary>
    /// <exception cref="ConfigurationValidationException">Unknown keys, values of the wrong type or out of range, missing files, unknown placeholders.</exception>
    public static AgentHostSettings Load(IConfigurationRoot configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var warnings = new List<string>();
        UnknownKeys.Check(configuration, errors, warnings);

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
        var validation = new AgentHostSettingsValidator(configuration).Validate(Options.DefaultName, settings);
        if (validation.Failed)
        {
            errors.AddRange(validation.Failures ?? []);
        }

        Composition.GatewayComposition.Read(configuration, errors);
        if (errors.Count > 0)
        {
            throw new ConfigurationValidationException(errors);
        }

        settings.Warnings = warnings;
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
        foreach (var setting in AgentHostSettingsCatalog.All.Where(s => s.Kind == SettingKind.List))
        {
            if (setting.Read(settings) is not List<string> values)
            {
                continue;
            }

            var all = new List<string>(values);
            if (configuration[setting.Key] is { } scalar)
            {
                all.Add(scalar);
            }

            var split = all.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();
            values.Clear();
            values.AddRange(split);
        }
    }
}
