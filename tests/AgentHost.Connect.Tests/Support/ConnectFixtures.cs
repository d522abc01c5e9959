using AgentHost.Testing;

namespace AgentHost.Connect.Tests.Support;

/// <summary>Paths of the Connect, Lex and flow fixtures inside the repository (tests/fixtures) and of the shipped flows.</summary>
internal static class ConnectFixtures
{
    public static string Folder(params string[] parts) => Path.Combine([RepositoryPaths.Root, "tests", "fixtures", .. parts]);

    public static string ShippedFlows => Path.Combine(RepositoryPaths.Root, "deploy", "connect", "flows");

    /// <summary>Contact-flow events (the STRING_MAP response example is not an event).</summary>
    public static IEnumerable<string> FlowEvents() =>
        Directory.GetFiles(Folder("connect", "events"), "*.json").Where(f => !f.Contains("response", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>Lex V2 code hook events (not the responses).</summary>
    public static IEnumerable<string> LexEvents() =>
        Directory.GetFiles(Folder("lex"), "*.json").Where(f => !f.Contains("response", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    public static TheoryData<string> Names(IEnumerable<string> paths)
    {
        var data = new TheoryData<string>();
        foreach (var path in paths)
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }
}
