namespace AgentHost.Testing;

/// <summary>Locates the repository root and the test fixtures (<c>tests/fixtures</c>, inside the repository).</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding AgentHost.sln).</summary>
    public static string Root => RootPath.Value;

    /// <summary>The fixtures folder (<c>tests/fixtures</c>; see its README for sources and licences).</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>A path under <c>tests/fixtures</c>.</summary>
    public static string Fixture(params string[] parts) => Path.Combine([Fixtures, .. parts]);

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
