using System.Collections.Concurrent;
using System.Text.Json;
using AgentHost.Gateway.Catalog;
using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.Logging;
using AgentHost.Gateway.Tools;
using Microsoft.Extensions.Logging;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Selection;

/// <summary>
/// Ranks the catalog for a query: the gateways' <c>x_amz_bedrock_agentcore_search</c> when offered (and enabled), topped up or
/// replaced by local BM25 over names, descriptions and parameter names. Results are cached per catalog version and query.
/// </summary>
internal sealed class ToolSelector(GatewayToolOptions options, ILogger logger)
{
    private const int MaxCacheEntries = 512;
    private readonly ConcurrentDictionary<(long Version, string Query, int Limit), IReadOnlyList<GatewayToolFunction>> _cache = new();
    private long _gatewaySearches;

    /// <summary>How many times a gateway search tool was called (for tests and benchmarks).</summary>
    public long GatewaySearches => Interlocked.Read(ref _gatewaySearches);

    /// <summary>The best <paramref name="limit"/> tools for <paramref name="query"/>.</summary>
    /// <param name="snapshot">The catalog.</param>
    /// <param name="query">The query.</param>
    /// <param name="limit">How many tools at most.</param>
    /// <param name="invocation">The invocation the search is made for (its credentials authenticate a gateway search); null outside one.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    public async ValueTask<IReadOnlyList<GatewayToolFunction>> SelectAsync(
        CatalogSnapshot snapshot, string query, int limit, AgentHost.Abstractions.Agents.InvocationContext? invocation, CancellationToken cancellationToken)
    {
        query = query.Trim();
        if (query.Length == 0 || limit <= 0 || snapshot.Tools.Count == 0)
        {
            return [];
        }

        var key = (snapshot.Version, query, limit);
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var selected = new List<GatewayToolFunction>();
        if (options.UseGatewaySearch && snapshot.SearchGateways.Count > 0)
        {
            selected.AddRange(await GatewaySearchAsync(snapshot, query, limit, invocation, cancellationToken).ConfigureAwait(false));
        }

        if (selected.Count < limit)
        {
            foreach (var index in snapshot.Index.Search(TextTokenizer.Tokenize(query), limit))
            {
                var tool = snapshot.Tools[index];
                if (!selected.Contains(tool))
                {
                    selected.Add(tool);
                }

                if (selected.Count >= limit)
                {
                    break;
                }
            }
        }

        if (_cache.Count >= MaxCacheEntries)
        {
            _cache.Clear();
        }

        _cache[key] = selected;
        return selected;
    }

    private async Task<List<GatewayToolFunction>> GatewaySearchAsync(
        CatalogSnapshot snapshot, string query, int limit, AgentHost.Abstractions.Agents.InvocationContext? invocation, CancellationToken cancellationToken)
    {
        var arguments = JsonSerializer.SerializeToElement(
            new Dictionary<string, JsonElement> { ["query"] = JsonSerializer.SerializeToElement(query, Authentication.GatewayJsonContext.Default.String) },
            Authentication.GatewayJsonContext.Default.DictionaryStringJsonElement);
        var perGateway = await Task.WhenAll(snapshot.SearchGateways.Select(async gateway =>
        {
            try
            {
                Interlocked.Increment(ref _gatewaySearches);
                var result = await gateway.CallToolAsync(GatewayToolCatalog.GatewaySearchToolName, arguments, invocation, progress: null, cancellationToken).ConfigureAwait(false);
                if (result.IsError == true)
                {
                    GatewayLog.SearchFailed(logger, gateway.Name, "the search tool reported an error");
                    return [];
                }

                object? payload = result.StructuredContent is { } structured ? structured : ToolResultConverter.ErrorText(result);
                return JsonNameExtractor.Extract(payload)
                    .Select(name => snapshot.ByOriginal.GetValueOrDefault(new ToolKey(gateway.Name, name)))
                    .OfType<GatewayToolFunction>()
                    .ToList();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                GatewayLog.SearchFailed(logger, gateway.Name, Connections.GatewayConnection.Describe(ex));
                return new List<GatewayToolFunction>();
            }
        })).ConfigureAwait(false);

        // Interleave the gateways' rankings so one gateway does not crowd out the others.
        var merged = new List<GatewayToolFunction>();
        for (var rank = 0; merged.Count < limit && perGateway.Any(list => rank < list.Count); rank++)
        {
            foreach (var list in perGateway)
            {
                if (rank < list.Count && !merged.Contains(list[rank]) && merged.Count < limit)
                {
                    merged.Add(list[rank]);
                }
            }
        }

        return merged;
    }
}
