namespace AgentHost.Gateway.Catalog;

/// <summary>A tool as the gateway knows it: the gateway's configured name and the tool's original MCP name.</summary>
/// <param name="Gateway">The gateway name.</param>
/// <param name="Name">The original tool name, e.g. <c>target___tool</c>.</param>
internal readonly record struct ToolKey(string Gateway, string Name) : IComparable<ToolKey>
{
    public int CompareTo(ToolKey other)
    {
        var byGateway = string.CompareOrdinal(Gateway, other.Gateway);
        return byGateway != 0 ? byGateway : string.CompareOrdinal(Name, other.Name);
    }
}
