using System.Xml.Linq;

namespace AgentHost.Deploy.Tests.Docker;

/// <summary>What the deploy checks need from a project file: its references, SDK and assembly name.</summary>
internal sealed class MsBuildProject
{
    private MsBuildProject(string path, XDocument document)
    {
        Path = path;
        Sdk = document.Root?.Attribute("Sdk")?.Value ?? string.Empty;
        var assemblyName = document.Descendants("AssemblyName").Select(e => e.Value.Trim()).LastOrDefault(v => v.Length > 0);
        AssemblyName = assemblyName ?? System.IO.Path.GetFileNameWithoutExtension(path);
        var directory = System.IO.Path.GetDirectoryName(path)!;
        ProjectReferences =
        [
            .. document.Descendants("ProjectReference")
                .Select(e => e.Attribute("Include")?.Value)
                .OfType<string>()
                .Select(include => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, include.Replace('\\', '/')))),
        ];
        Imports =
        [
            .. document.Descendants("Import")
                .Select(e => e.Attribute("Project")?.Value)
                .OfType<string>()
                .Where(project => !project.Contains("$(", StringComparison.Ordinal))
                .Select(project => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, project.Replace('\\', '/')))),
        ];
    }

    public string Path { get; }

    public string Sdk { get; }

    public string AssemblyName { get; }

    public IReadOnlyList<string> ProjectReferences { get; }

    /// <summary>The files the project imports by a literal path (absolute paths).</summary>
    public IReadOnlyList<string> Imports { get; }

    public static MsBuildProject Load(string path) => new(System.IO.Path.GetFullPath(path), XDocument.Load(path));

    /// <summary>The project and every project it references, directly or transitively (absolute paths).</summary>
    public static SortedSet<string> Closure(string projectPath)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([System.IO.Path.GetFullPath(projectPath)]);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (!seen.Add(next))
            {
                continue;
            }

            if (!File.Exists(next))
            {
                throw new FileNotFoundException($"Referenced project not found: {next}", next);
            }

            foreach (var reference in Load(next).ProjectReferences)
            {
                pending.Push(reference);
            }
        }

        return seen;
    }
}
