using AgentHost.Models.Offline.Ranking;

namespace AgentHost.Models.Offline.Extraction;

/// <summary>The arguments found for a tool and the required parameters still missing.</summary>
internal sealed record ExtractionResult(Dictionary<string, object?> Arguments, List<ParameterSpec> Missing)
{
    public bool IsComplete => Missing.Count == 0;
}
