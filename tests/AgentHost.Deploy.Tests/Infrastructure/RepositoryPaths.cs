namespace AgentHost.Deploy.Tests.Infrastructure;

/// <summary>Paths inside the repository under test, found by walking up from the test assembly to <c>AgentHost.sln</c>.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding <c>AgentHost.sln</c>).</summary>
    public static string Root => RootPath.Value;

    /// <summary>An absolute path for a repository-relative one (forward slashes accepted).</summary>
    public static string Combine(string relativePath) =>
        Path.GetFullPath(Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>The server project file, the container entrypoint.</summary>
    public static string ServerProject => Combine("src/Applications/AgentHost.Server/AgentHost.Server.csproj");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AgentHost.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"AgentHost.sln not found above {AppContext.BaseDirectory}.");
    }
}
