using System.CommandLine;
using AgentHost.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace AgentHost.Cli.Commands;

/// <summary>Options every command accepts; they are the highest-precedence configuration source.</summary>
/// <param name="warnings">Where configuration warnings (unknown <c>AGENTHOST_*</c> variables) are written: standard error.</param>
internal sealed class GlobalOptions(TextWriter warnings)
{
    public Option<string?> Settings { get; } = new("--settings") { Description = "A JSON settings file to use instead of ./appsettings.json.", Recursive = true };

    public Option<string[]> Set { get; } = new("--set") { Description = "Set a configuration key, e.g. --set Agent:Limits:MaxCycles=5 (repeatable).", Recursive = true, AllowMultipleArgumentsPerToken = false };

    public Option<string?> ModelId { get; } = new("--model-id") { Description = "Bedrock model or inference profile id (Agent:Model:ModelId).", Recursive = true };

    public Option<string?> ModelProvider { get; } = new("--model") { Description = "auto, bedrock or offline (Model:Provider).", Recursive = true };

    public Option<string?> InstructionsFile { get; } = new("--instructions-file") { Description = "A file with the agent's instructions (Agent:InstructionsFile).", Recursive = true };

    public Option<int?> MaxCycles { get; } = new("--max-cycles") { Description = "Maximum model calls per turn (Agent:Limits:MaxCycles).", Recursive = true };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Log what the host does (gateways, model calls).", Recursive = true };

    public void AddTo(RootCommand root)
    {
        foreach (var option in new Option[] { Settings, Set, ModelId, ModelProvider, InstructionsFile, MaxCycles, Verbose })
        {
            root.Options.Add(option);
        }
    }

    /// <summary>Builds and validates the configuration for a parse result.</summary>
    /// <exception cref="ConfigurationValidationException">The configuration is invalid.</exception>
    /// <exception cref="FileNotFoundException">The settings file does not exist.</exception>
    public (IConfigurationRoot Configuration, AgentHostSettings Settings) Load(ParseResult parse)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Agent:Model:ModelId"] = parse.GetValue(ModelId),
            ["Model:Provider"] = parse.GetValue(ModelProvider),
            ["Agent:InstructionsFile"] = parse.GetValue(InstructionsFile),
            ["Agent:Limits:MaxCycles"] = parse.GetValue(MaxCycles)?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var pair in parse.GetValue(Set) ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new ConfigurationValidationException([$"--set '{pair}' must have the form KEY=VALUE, e.g. --set Agent:Limits:MaxCycles=5."]);
            }

            overrides[pair[..equals].Trim()] = pair[(equals + 1)..];
        }

        var configuration = AgentHostConfiguration.Build(overrides, parse.GetValue(Settings));
        var settings = AgentHostSettingsLoader.Load(configuration);
        foreach (var warning in settings.Warnings)
        {
            warnings.WriteLine("warning: " + warning);
        }

        return (configuration, settings);
    }
}
