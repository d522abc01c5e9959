namespace AgentHost.Testing;

/// <summary>Locates the repository root and the shared fixtures (../shared/fixtures beside the checkout).</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding AgentHost.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The shared folder beside the repository.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>A path under ../shared/fixtures.</summary>
    public static string Fixture(params string[] parts) => Path.Combine([Shared, "fixtures", .. parts]);

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AgentHost.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AgentHost.sln not found above " + AppContext.BaseDirectory);
    }
}
