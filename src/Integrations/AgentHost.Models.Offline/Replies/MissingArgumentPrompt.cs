using System.Text.RegularExpressions;
using AgentHost.Models.Offline.Ranking;
using AgentHost.Models.Offline.Text;

namespace AgentHost.Models.Offline.Replies;

/// <summary>Asks, in plain words, for the required arguments the user has not given yet.</summary>
internal static partial class MissingArgumentPrompt
{
    public static string Ask(ToolCandidate tool, IReadOnlyList<ParameterSpec> missing)
    {
        List<string> items = [.. missing.Select(Describe)];
        string them = missing.Count == 1 ? "it" : "them";
        return $"To {Humanize.ToolWords(tool.Name)} I need {Humanize.List(items)}. Could you give me {them}?";
    }

    private static string Describe(ParameterSpec parameter)
    {
        string label = "the " + Humanize.Words(parameter.Name);
        if (parameter.EnumValues.Count > 0)
        {
            return $"{label} ({Humanize.List([.. parameter.EnumValues.Select(Humanize.Words)], "or")})";
        }

        if (parameter.Format is "date" or "date-time")
        {
            return $"{label} (a date such as 2026-12-01)";
        }

        Match example = ExampleRegex().Match(parameter.Description);
        return example.Success ? $"{label} (for example {example.Groups["x"].Value.Trim()})" : label;
    }

    [GeneratedRegex(@"for example[,:]?\s+(?<x>[^,;]+?)\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExampleRegex();
}
