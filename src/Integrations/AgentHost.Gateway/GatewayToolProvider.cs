using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Tools;
using AgentHost.Gateway.Catalog;
using AgentHost.Gateway.Selection;
using AgentHost.Gateway.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway;

/// <summary>
/// The <see cref="IToolProvider"/> over every configured AgentCore Gateway. It never lists tools itself: it reads the catalog the
/// background refresh keeps (so steady-state invocations make no <c>tools/list</c> call). Up to
/// <see cref="Configuration.GatewayToolOptions.SelectionThreshold"/> tools, every tool is offered; above it, each model call gets the
/// always-offered tools, the tools already called or found in the conversation, the best matches for the latest user message and a
/// search tool. <see cref="ResolveAsync"/> resolves every catalog tool, offered or not, so tools found by search are callable at once.
/// </summary>
/// <remarks>
/// Gateway tools report failures (schema violations naming the field, <c>isError</c> results, policy denials, transport failures)
/// by throwing <see cref="GatewayToolException"/>; the agent loop turns it into an error result the model sees.
/// </remarks>
public sealed class GatewayToolProvider : IToolProvider
{
    private readonly GatewayToolCatalog _catalog;
    private readonly ToolSelector _selector;
    private readonly ToolSearchFunction _search;
    private readonly TimeProvider _time;

    internal GatewayToolProvider(GatewayToolCatalog catalog, ToolSelector selector, TimeProvider time)
    {
        _catalog = catalog;
        _time = time;
        _selector = selector;
        var options = catalog.Options;
        _search = new ToolSearchFunction(options.SearchToolName, () => _catalog.Current, selector, options.SelectionSize);
    }

    /// <summary>The number of tools in the catalog now.</summary>
    public int ToolCount => _catalog.Current.Tools.Count;

    /// <summary>Every tool of the catalog now, whatever the selection (for listings such as the CLI's <c>/tools</c>).</summary>
    public IReadOnlyList<AITool> AllTools => _catalog.Current.AllTools;

    internal ToolSelector Selector => _selector;

    /// <summary>
    /// Waits until every configured gateway (except those only an invocation can authenticate, listed on first use) has been listed or has failed at least once (so a host can start listening with its
    /// catalog ready), or until <paramref name="timeout"/> elapses. Never throws for an unreachable gateway: it keeps being retried
    /// in the background.
    /// </summary>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns><see langword="true"/> when every gateway was listed; <see langword="false"/> when one failed or the time ran out.</returns>
    public async Task<bool> WaitForDiscoveryAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        // Woken by every listing attempt rather than polled, so readiness follows the first listing without a timer's delay.
        // Not disposed: a listing that raised its event just before the handler was removed may still call Release after
        // this method returned, and must not fail with ObjectDisposedException (without its wait handle, a SemaphoreSlim
        // holds nothing to release).
        var attempted = new SemaphoreSlim(0);
        EventHandler onAttempt = (_, _) => attempted.Release();
        foreach (var connection in _catalog.Connections)
        {
            connection.RefreshAttempted += onAttempt;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            while (!_catalog.Connections.All(c => c.IsPublished || c.LastError is not null || c.ListsWithInvocation))
            {
                await attempted.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            foreach (var connection in _catalog.Connections)
            {
                connection.RefreshAttempted -= onAttempt;
            }
        }

        return _catalog.Connections.All(c => c.IsPublished || c.ListsWithInvocation);
    }

    /// <summary>
    /// Starts the first listing of every gateway now (except those only an invocation can authenticate, listed on first use) instead of when the
    /// hosted refresh service starts, so discovery overlaps the rest of the host's start-up. Idempotent; the refresh service
    /// awaits the same listings and takes over from there.
    /// </summary>
    public void StartDiscovery()
    {
        foreach (var connection in _catalog.Connections)
        {
            if (!connection.ListsWithInvocation)
            {
                _ = connection.StartFirstRefresh();
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AITool>> GetToolsAsync(ToolSelectionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        await RefreshInvocationGatewaysAsync(context.Invocation, cancellationToken).ConfigureAwait(false);
        var snapshot = _catalog.Current;
        var options = _catalog.Options;
        if (snapshot.Tools.Count <= options.SelectionThreshold)
        {
            return snapshot.AllTools;
        }

        var offered = new List<GatewayToolFunction>();
        void Add(GatewayToolFunction tool)
        {
            if (!offered.Contains(tool))
            {
                offered.Add(tool);
            }
        }

        foreach (var name in options.AlwaysOfferedTools)
        {
            if (FindByAnyName(snapshot, name) is { } tool)
            {
                Add(tool);
            }
        }

        ConversationTools.Find(context.Messages, snapshot, options.SearchToolName, options.SelectionSize * 2).ForEach(Add);
        var query = ConversationTools.LastUserText(context.Messages);
        foreach (var tool in await _selector.SelectAsync(snapshot, query, options.SelectionSize, context.Invocation, cancellationToken).ConfigureAwait(false))
        {
            Add(tool);
        }

        var result = new List<AITool>(offered.Count + 1);
        result.AddRange(offered);
        result.Add(_search);
        return result;
    }

    /// <inheritdoc />
    public ValueTask<AIFunction?> ResolveAsync(string name, CancellationToken cancellationToken = default)
    {
        var snapshot = _catalog.Current;
        if (snapshot.ByName.TryGetValue(name, out var tool))
        {
            return new(tool);
        }

        return new(name == _catalog.Options.SearchToolName && snapshot.Tools.Count > 0 ? _search : null);
    }

    /// <summary>
    /// Lists the gateways only an invocation can authenticate with this invocation's credentials (its <c>Authorization</c> or its
    /// workload access token): on first use, after a change notice or after the TTL.
    /// </summary>
    private async Task RefreshInvocationGatewaysAsync(InvocationContext invocation, CancellationToken cancellationToken)
    {
        foreach (var connection in _catalog.Connections)
        {
            if (!connection.ListsWithInvocation || (invocation.Authorization is null && invocation.WorkloadAccessToken is null))
            {
                continue;
            }

            var stale = !connection.HasListed || connection.RefreshRequested ||
                _time.GetUtcNow() - connection.LastRefresh >= _catalog.Options.RefreshInterval;
            if (!stale)
            {
                continue;
            }

            _ = connection.ResetRefreshSignal();
            try
            {
                await connection.RefreshAsync(invocation, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Recorded in the gateway status (LastError); the invocation goes on with the tools it has.
            }
        }
    }

    private static GatewayToolFunction? FindByAnyName(CatalogSnapshot snapshot, string name) =>
        snapshot.ByName.GetValueOrDefault(name) ?? snapshot.Tools.FirstOrDefault(t => t.OriginalName == name);
}
