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
                GatewayLog.ConfigurationProblem(_logger, gateway.PassThroughAuthorization
                    ? $"gateway '{gateway.Name}' has no client credentials: only calls made with an inbound Authorization header are authenticated, background listing is not."
                    : $"gateway '{gateway.Name}' uses CUSTOM_JWT without a token endpoint and client id: its requests carry no token.");
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
            var listed = Connections.Where(c => c.HasListed).ToList();
            var keys = new List<(ToolKey Key, GatewayConnection Connection, ModelContextProtocol.Protocol.Tool Tool)>();
            var searchGateways = new List<GatewayConnection>();
            foreach (var connection in listed)
            {
                foreach (var tool in connection.Tools)
                {
                    if (tool.Name == GatewaySearchToolName)
                    {
                        searchGateways.Add(connection);
                        continue;
                    }

                    keys.Add((new ToolKey(connection.Name, tool.Name), connection, tool));
                }
            }

            var unique = keys.GroupBy(k => k.Key).Select(g => g.First()).ToList();
            var map = ToolNameMapper.Map(unique.Select(k => k.Key), [Options.SearchToolName]);
            foreach (var collision in map.Collisions)
            {
                if (_loggedCollisions.Add((collision.Tool, collision.AssignedName)))
                {
                    GatewayLog.NameCollision(_logger, collision.Tool.Gateway, collision.Tool.Name, collision.WantedName, collision.AssignedName);
                }
            }

            var tools = unique
                .OrderBy(k => k.Key)
                .Select(k => new GatewayToolFunction(k.Connection, k.Tool, map.ToBedrockName(k.Key)))
                .ToList();
            var snapshot = new CatalogSnapshot(++_version, tools, searchGateways);
            Volatile.Write(ref _current, snapshot);
            GatewayLog.CatalogRebuilt(_logger, tools.Count, listed.Count, snapshot.Version);
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
