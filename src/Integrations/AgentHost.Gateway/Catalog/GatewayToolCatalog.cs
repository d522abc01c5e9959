using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.Connections;
using AgentHost.Gateway.Logging;
using AgentHost.Gateway.Tools;
using Microsoft.Extensions.Logging;

namespace AgentHost.Gateway.Catalog;

/// <summary>
/// Owns the gateway connections and the merged catalog. The refresh service lists; the catalog rebuilds the snapshot after every
/// listing; the provider reads <see cref="Current"/> without any network call.
/// </summary>
internal sealed class GatewayToolCatalog : IAsyncDisposable, IDisposable
{
    public const string GatewaySearchToolName = "x_amz_bedrock_agentcore_search";

    private readonly ILogger _logger;
    private readonly object _rebuildLock = new();
    private readonly HashSet<(ToolKey, string)> _loggedCollisions = [];
    private CatalogSnapshot _current = CatalogSnapshot.Empty;
    private long _version;
    private int _disposed;

    public GatewayToolCatalog(GatewayToolOptions options, IReadOnlyList<string> configurationProblems, GatewayConnectionServices services)
    {
        Options = options;
        _logger = services.LoggerFactory.CreateLogger("AgentHost.Gateway");
        foreach (var problem in configurationProblems)
        {
            GatewayLog.ConfigurationProblem(_logger, problem);
        }

        var connections = new List<GatewayConnection>();
        foreach (var gateway in options.Gateways)
        {
            if (string.IsNullOrWhiteSpace(gateway.Name) || gateway.Url is null)
            {
                GatewayLog.ConfigurationProblem(_logger, $"a gateway without a name or URL ('{gateway.Name}') is ignored.");
                continue;
            }

            if (connections.Any(c => string.Equals(c.Name, gateway.Name, StringComparison.OrdinalIgnoreCase)))
            {
                GatewayLog.ConfigurationProblem(_logger, $"gateway '{gateway.Name}' is configured twice; the second is ignored.");
                continue;
            }

            if (gateway.AuthType == GatewayAuthType.CustomJwt && (gateway.TokenEndpoint is null || string.IsNullOrEmpty(gateway.ClientId)))
            {
                if (!string.IsNullOrWhiteSpace(gateway.CredentialProviderName))
                {
                    GatewayLog.ConfigurationProblem(_logger, $"gateway '{gateway.Name}' takes its token from AgentCore Identity: it is listed and called with an invocation's workload access token, never in the background.");
                }
                else
                {
                    GatewayLog.ConfigurationProblem(_logger, gateway.PassThroughAuthorization
                        ? $"gateway '{gateway.Name}' has no client credentials: only calls made with an inbound Authorization header are authenticated, background listing is not."
                        : $"gateway '{gateway.Name}' uses CUSTOM_JWT without a token endpoint and client id: its requests carry no token.");
                }
            }

            var connection = new GatewayConnection(gateway, options, services);
            connection.CatalogChanged += (_, _) => Rebuild();
            connections.Add(connection);
        }

        Connections = connections;
    }

    public GatewayToolOptions Options { get; }

    public IReadOnlyList<GatewayConnection> Connections { get; }

    public CatalogSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after each rebuild.</summary>
    public event EventHandler? Changed;

    public void Rebuild()
    {
        lock (_rebuildLock)
        {
            // Plain loops rather than LINQ: the first rebuild is on the start-up path (before /ping turns healthy), where
            // generic LINQ over value tuples costs more JIT time than the work itself.
            var listed = 0;
            var unique = new Dictionary<ToolKey, (GatewayConnection Connection, ModelContextProtocol.Protocol.Tool Tool)>();
            var searchGateways = new List<GatewayConnection>();
            foreach (var connection in Connections)
            {
                if (!connection.HasListed)
                {
                    continue;
                }

                listed++;
                foreach (var tool in connection.Tools)
                {
                    if (tool.Name == GatewaySearchToolName)
                    {
                        searchGateways.Add(connection);
                        continue;
                    }

                    unique.TryAdd(new ToolKey(connection.Name, tool.Name), (connection, tool));
                }
            }

            var map = ToolNameMapper.Map(unique.Keys, [Options.SearchToolName]);
            foreach (var collision in map.Collisions)
            {
                if (_loggedCollisions.Add((collision.Tool, collision.AssignedName)))
                {
                    GatewayLog.NameCollision(_logger, collision.Tool.Gateway, collision.Tool.Name, collision.WantedName, collision.AssignedName);
                }
            }

            var keys = new List<ToolKey>(unique.Keys);
            keys.Sort();
            var tools = new List<GatewayToolFunction>(keys.Count);
            foreach (var key in keys)
            {
                var (connection, tool) = unique[key];
                tools.Add(new GatewayToolFunction(connection, tool, map.ToBedrockName(key)));
            }

            var snapshot = new CatalogSnapshot(++_version, tools, searchGateways);
            Volatile.Write(ref _current, snapshot);
            GatewayLog.CatalogRebuilt(_logger, tools.Count, listed, snapshot.Version);
        }

        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>Synchronous disposal for containers disposed with <c>Dispose()</c> (closes the sessions, bounded at 5 s each).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var connection in Connections)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
