using AgentHost.Abstractions.Agents;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>The listing of <see cref="GatewayConnection"/>.</summary>
internal sealed partial class GatewayConnection
{
    private async Task<Listing> ListAllAsync(GatewaySession session, InvocationContext? invocation, CancellationToken cancellationToken)
    {
        var tools = new List<Tool>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await session.ListToolsAsync(cursor, invocation, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _listCalls);
            pages++;
            tools.AddRange(page.Tools);
            cursor = page.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor) && pages < MaxPages);

        return new Listing(tools, pages);
    }

    /// <summary>
    /// A whole catalog and how many pages it took. A class, not a value tuple: the generic retry path
    /// (<see cref="ExecuteAsync{T}"/>) then runs its shared precompiled code instead of an instantiation JIT-compiled at start-up.
    /// </summary>
    private sealed record Listing(IReadOnlyList<Tool> Tools, int Pages);
}
