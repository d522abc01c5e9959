using System.Text.Json;

namespace AgentHost.Deploy.Tests.Docker;

/// <summary>A parsed <c>COPY</c>: flags such as <c>--from</c>, the sources and the destination.</summary>
internal sealed record DockerCopy(string? From, IReadOnlyList<string> Sources, string Destination, int Line)
{
    public static DockerCopy Parse(DockerInstruction instruction)
    {
        var words = Split(instruction.Arguments);
        string? from = null;
        var rest = new List<string>();
        foreach (var word in words)
        {
            if (word.StartsWith("--from=", StringComparison.Ordinal))
            {
                from = word["--from=".Length..];
            }
            else if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                rest.Add(word);
            }
        }

        if (rest.Count < 2)
        {
            throw new FormatException($"Dockerfile line {instruction.Line}: COPY needs a source and a destination.");
        }

        return new DockerCopy(from, rest[..^1], rest[^1], instruction.Line);
    }

    private static List<string> Split(string arguments)
    {
        var trimmed = arguments.Trim();
        if (trimmed.StartsWith('['))
        {
            return JsonSerializer.Deserialize<List<string>>(trimmed) ?? [];
        }

        return [.. trimmed.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)];
    }
}
