using System.Text.Json;

namespace AgentHost.Connect.Bridge;

/// <summary>A tool call of a finished turn, as the bridge's routing sees it.</summary>
/// <param name="Name">The tool name (<c>target___tool</c>).</param>
/// <param name="Status"><c>success</c>, <c>error</c>, <c>timeout</c>...</param>
/// <param name="Input">The arguments, when the runtime reported them.</param>
public sealed record AgentToolCall(string Name, string Status, JsonElement? Input);
