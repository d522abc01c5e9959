using System.Text;
using Microsoft.Extensions.Configuration;

namespace AgentHost.Hosting.Configuration;

/// <summary>Prints the effective configuration (every declared setting, its value and its source) with secrets redacted.</summary>
public static class ConfigurationPrinter
{
    /// <summary>The text printed instead of a secret.</summary>
    public const string Redacted = "***";

    /// <summary>Renders the effective configuration as <c>key = value  (source)</c> lines, one per setting of <see cref="AgentHostSettingsCatalog"/> (one per entry of a map).</summary>
    public static string Render(IConfigurationRoot configuration, AgentHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(settings);
        var rows = new List<(string Key, string Value, bool Secret)>();
        foreach (var setting in AgentHostSettingsCatalog.All)
        {
            foreach (var (key, value) in setting.Entries(settings))
            {
                var shown = string.Equals(setting.Key, "Agent:Instructions", StringComparison.Ordinal) ? DescribeInstructions(settings.Agent) : value;
                rows.Add((key, shown, setting.Secret));
            }
        }

        var width = rows.Max(r => r.Key.Length);
        var text = new StringBuilder();
        foreach (var (key, value, secret) in rows)
        {
            var shown = secret && value.Length > 0 ? Redacted : value;
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
}
