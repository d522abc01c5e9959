using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Connections;

/// <summary>The listing of <see cref="GatewayConnection"/>.</summary>
internal sealed partial class GatewayConnection
{
    private async Task<(IReadOnlyList<Tool> Tools, int Pages)> ListAllAsync(StreamableHttpSession session, CancellationToken cancellationToken)
    {
        var tools = new List<Tool>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await session.ListToolsAsync(cursor, cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _listCalls);
            pages++;
            tools.AddRange(page.Tools);
            cursor = page.NextCursor;
        }
        while (!string.IsNullOrEmpty(cursor) && pages < MaxPages);

        // The change notices of the session's event stream matter from now on: open it after the listing, so that it does not
        // compete with the handshake and the listing that readiness waits for.
        session.StartEventStream();
        return (tools, pages);
    }
}
