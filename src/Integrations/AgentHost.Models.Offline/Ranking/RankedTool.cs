namespace AgentHost.Models.Offline.Ranking;

/// <summary>
/// A tool with its relevance score for the user's words; <paramref name="ActionMentioned"/> is false for a
/// write tool when the user used none of its action words (for read tools it is always true).
/// </summary>
internal sealed record RankedTool(ToolCandidate Tool, double Score, bool ActionMentioned);
