namespace AgentHost.Models.Offline.Ranking;

/// <summary>A tool with its relevance score for the user's words.</summary>
internal sealed record RankedTool(ToolCandidate Tool, double Score);
