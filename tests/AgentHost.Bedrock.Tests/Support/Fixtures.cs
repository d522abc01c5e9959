namespace AgentHost.Bedrock.Tests.Support;

/// <summary>Locates ../shared/fixtures relative to the repository root (the directory holding AgentHost.sln).</summary>
internal static class Fixtures
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AgentHost.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("AgentHost.sln not found above " + AppContext.BaseDirectory);
        }

        return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "fixtures"));
    });

    public static string Path_(params string[] parts) => Path.Combine([Root.Value, .. parts]);
}
