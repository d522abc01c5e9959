namespace AgentHost.Deploy.Tests.Docker;

/// <summary>The <c>dotnet publish</c> (or <c>dotnet restore</c>) command of a <c>RUN</c> instruction, split into its parts.</summary>
internal sealed record DotnetCommand(string Verb, string Project, IReadOnlyDictionary<string, string> Options, IReadOnlyList<string> Words)
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["-c"] = "--configuration",
        ["-r"] = "--runtime",
        ["-o"] = "--output",
    };

    /// <summary>Finds the single <c>RUN dotnet &lt;verb&gt; ...</c> of a stage.</summary>
    public static DotnetCommand Find(DockerStage stage, string verb)
    {
        var runs = stage.Where("RUN")
            .Select(r => r.Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 2 && w[0] == "dotnet" && w[1] == verb)
            .ToList();
        Assert.True(runs.Count == 1, $"Expected exactly one 'RUN dotnet {verb}' in stage '{stage.Name}', found {runs.Count}.");
        return Parse(runs[0]);
    }

    public static DotnetCommand Parse(IReadOnlyList<string> words)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? project = null;
        for (var i = 2; i < words.Count; i++)
        {
            var word = words[i];
            if (word.StartsWith('-'))
            {
                var name = Aliases.GetValueOrDefault(word, word);
                var hasValue = i + 1 < words.Count && !words[i + 1].StartsWith('-');
                options[name] = hasValue ? words[++i] : "true";
            }
            else
            {
                project ??= word;
            }
        }

        return new DotnetCommand(words[1], project ?? throw new FormatException($"'dotnet {words[1]}' without a project."), options, words);
    }

    public string? Option(string name) => Options.GetValueOrDefault(name);
}
