using System.Xml.Linq;
using AgentHost.Testing;

namespace AgentHost.AgentCore.Contracts.Tests;

/// <summary>The references of the repository's projects, read from their csproj files.</summary>
internal static class ProjectGraph
{
    public const string AspNetCore = "Microsoft.AspNetCore.App";

    /// <summary>The csproj of a project under src/, by name.</summary>
    public static string Path(string name) =>
        Directory.GetFiles(System.IO.Path.Combine(RepositoryPaths.Root, "src"), name + ".csproj", SearchOption.AllDirectories).Single();

    public static IReadOnlyList<string> ProjectReferences(string csproj) =>
        Items(csproj, "ProjectReference").Select(include => System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(csproj)!, include))).ToList();

    public static IReadOnlyList<string> PackageReferences(string csproj) => Items(csproj, "PackageReference");

    public static IReadOnlyList<string> FrameworkReferences(string csproj) => Items(csproj, "FrameworkReference");

    /// <summary>The project and every project it references, directly or not.</summary>
    public static IReadOnlySet<string> Closure(string csproj)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([System.IO.Path.GetFullPath(csproj)]);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var reference in ProjectReferences(next))
                {
                    pending.Push(reference);
                }
            }
        }

        return seen;
    }

    public static string Name(string csproj) => System.IO.Path.GetFileNameWithoutExtension(csproj);

    private static List<string> Items(string csproj, string element) =>
        XDocument.Load(csproj).Descendants(element).Select(e => (string?)e.Attribute("Include") ?? string.Empty).ToList();
}
