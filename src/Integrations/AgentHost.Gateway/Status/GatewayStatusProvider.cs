using AgentHost.Gateway.Catalog;

namespace AgentHost.Gateway.Status;

/// <summary>Reads the status from the catalog and its connections.</summary>
internal sealed class GatewayStatusProvider(GatewayToolCatalog catalog) : IGatewayStatusProvider
{
    public int ToolCount => catalog.Current.Tools.Count;

    public IReadOnlyList<GatewayStatus> GetStatus() => catalog.Connections
        .Select(c => new GatewayStatus(
            c.Name,
            c.Gateway.Url!.GetLeftPart(UriPartial.Path),
            c.Gateway.AuthType,
            c.IsConnected,
            c.Tools.Count(t => t.Name != GatewayToolCatalog.GatewaySearchToolName),
            c.LastError,
            c.LastRefresh,
            c.LastAttempt,
            c.ListCalls))
        .ToList();
}
