namespace AgentHost.Gateway.Catalog;

/// <summary>The two-way mapping between gateway tool names and Bedrock tool names.</summary>
internal sealed class ToolNameMap
{
    private readonly Dictionary<string, ToolKey> _reverse;

    public ToolNameMap(IReadOnlyDictionary<ToolKey, string> forward, IReadOnlyList<ToolNameCollision> collisions)
    {
        Forward = forward;
        Collisions = collisions;
        _reverse = forward.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<ToolKey, string> Forward { get; }

    public IReadOnlyList<ToolNameCollision> Collisions { get; }

    public string ToBedrockName(ToolKey tool) => Forward[tool];

    public bool TryGetTool(string bedrockName, out ToolKey tool) => _reverse.TryGetValue(bedrockName, out tool);
}
