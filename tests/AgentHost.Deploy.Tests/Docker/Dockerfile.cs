using System.Text;
using System.Text.Json;

namespace AgentHost.Deploy.Tests.Docker;

/// <summary>
/// A small Dockerfile reader: comments dropped, line continuations joined, instructions grouped by stage. It covers the
/// syntax this repository's Dockerfile uses (no heredocs, default escape character).
/// </summary>
internal sealed class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerStage> stages) => Stages = stages;

    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The last stage: the image that runs.</summary>
    public DockerStage Final => Stages[^1];

    public DockerStage Stage(string name) =>
        Stages.SingleOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"The Dockerfile has no stage named '{name}'.");

    /// <summary>The exec-form <c>ENTRYPOINT</c> of the final stage.</summary>
    public IReadOnlyList<string> EntryPoint
    {
        get
        {
            var entry = Final.Where("ENTRYPOINT").LastOrDefault() ?? throw new InvalidOperationException("The final stage has no ENTRYPOINT.");
            var arguments = entry.Arguments.Trim();
            if (!arguments.StartsWith('['))
            {
                throw new FormatException($"Dockerfile line {entry.Line}: ENTRYPOINT must use the exec (JSON array) form.");
            }

            return JsonSerializer.Deserialize<List<string>>(arguments) ?? [];
        }
    }

    public static Dockerfile Load(string path) => Parse(File.ReadAllLines(path));

    public static Dockerfile Parse(IReadOnlyList<string> lines)
    {
        var stages = new List<DockerStage>();
        var pending = new StringBuilder();
        var startLine = 0;
        for (var index = 0; index < lines.Count; index++)
        {
            var line = lines[index];
            var trimmed = line.TrimStart();
            if (pending.Length == 0 && (trimmed.Length == 0 || trimmed.StartsWith('#')))
            {
                continue;
            }

            if (pending.Length == 0)
            {
                startLine = index + 1;
            }
            else if (trimmed.StartsWith('#'))
            {
                continue;
            }

            var continued = line.TrimEnd().EndsWith('\\');
            pending.Append(continued ? line.TrimEnd()[..^1] : line).Append(' ');
            if (continued)
            {
                continue;
            }

            Add(stages, pending.ToString().Trim(), startLine);
            pending.Clear();
        }

        if (pending.Length > 0)
        {
            Add(stages, pending.ToString().Trim(), startLine);
        }

        return new Dockerfile(stages);
    }

    private static void Add(List<DockerStage> stages, string text, int line)
    {
        var space = text.IndexOfAny([' ', '\t']);
        var keyword = (space < 0 ? text : text[..space]).ToUpperInvariant();
        var arguments = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        if (keyword == "FROM")
        {
            var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !w.StartsWith("--", StringComparison.Ordinal)).ToArray();
            var name = words.Length >= 3 && string.Equals(words[1], "AS", StringComparison.OrdinalIgnoreCase) ? words[2] : null;
            stages.Add(new DockerStage(words[0], name));
            return;
        }

        if (stages.Count == 0)
        {
            if (keyword is "ARG")
            {
                return; // Global build arguments before the first FROM.
            }

            throw new FormatException($"Dockerfile line {line}: {keyword} before the first FROM.");
        }

        stages[^1].Instructions.Add(new DockerInstruction(keyword, arguments, line));
    }
}
