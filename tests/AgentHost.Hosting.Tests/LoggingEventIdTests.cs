using System.Text.RegularExpressions;
using AgentHost.Testing;

namespace AgentHost.Hosting.Tests;

/// <summary>Logging event ids are unique and each project logs within its own range, so an id names its source.</summary>
public sealed partial class LoggingEventIdTests
{
    /// <summary>The ranges, by project (the folder under src/&lt;layer&gt;/). A new project gets a new range here.</summary>
    private static readonly Dictionary<string, (int From, int To)> Ranges = new(StringComparer.Ordinal)
    {
        ["AgentHost.Core"] = (1000, 1999),
        ["AgentHost.AgentCore.Runtime"] = (2000, 2999),
        ["AgentHost.Server"] = (3000, 3099),
        ["AgentHost.Hosting"] = (3100, 3199),
        ["AgentHost.Cli"] = (3200, 3299),
        ["AgentHost.Bedrock"] = (4000, 4999),
        ["AgentHost.Gateway"] = (5000, 5999),
        ["AgentHost.Storage.Sqlite"] = (6000, 6499),
        ["AgentHost.Storage.DynamoDb"] = (6500, 6999),
        ["AgentHost.Models.Offline"] = (7000, 7499),
        ["AgentHost.Models.OpenAI"] = (7500, 7999),
        ["AgentHost.DevGateway"] = (8000, 8999),
        ["AgentHost.Aws"] = (9000, 9499),
        ["AgentHost.Control"] = (10000, 10999),
        ["AgentHost.Sanitization"] = (11000, 11999),
        ["AgentHost.Connect"] = (12000, 12499),
        ["AgentHost.Connect.Lambda"] = (12500, 12999),
        ["AgentHost.Supervisor"] = (13000, 13999),
        ["AgentHost.Telemetry"] = (14000, 14499),
        ["AgentHost.AgentCore.Client"] = (15000, 15499),
    };

    [Fact]
    public void LoggerMessages_EveryEventId_IsUniqueAndInItsProjectsRange()
    {
        var seen = new Dictionary<int, string>();
        var problems = new List<string>();
        var src = Path.Combine(RepositoryPaths.Root, "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file);
            if (relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var project = relative.Split(Path.DirectorySeparatorChar)[1];
            foreach (Match match in EventIdPattern().Matches(File.ReadAllText(file)))
            {
                var id = int.Parse(match.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (!Ranges.TryGetValue(project, out var range))
                {
                    problems.Add($"{relative}: project {project} has no event id range (add one to this test).");
                }
                else if (id < range.From || id > range.To)
                {
                    problems.Add($"{relative}: event id {id} is outside {project}'s range {range.From}-{range.To}.");
                }

                if (!seen.TryAdd(id, relative))
                {
                    problems.Add($"{relative}: event id {id} is also used in {seen[id]}.");
                }
            }
        }

        Assert.True(seen.Count > 20, "The scan found almost no [LoggerMessage] attributes: is the pattern still right?");
        Assert.Empty(problems);
    }

    [GeneratedRegex(@"\[LoggerMessage\(\s*(?:EventId\s*=\s*)?(?<id>\d+)")]
    private static partial Regex EventIdPattern();
}
