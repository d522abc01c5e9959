using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline;

/// <summary>What the offline model decided to answer: text, or a tool call, with its finish reason.</summary>
internal sealed record OfflineDecision(string Id, IReadOnlyList<AIContent> Contents, ChatFinishReason FinishReason, int OutputCharacters)
{
    public static OfflineDecision Reply(string id, string text) =>
        new(id, [new TextContent(text)], ChatFinishReason.Stop, text.Length);

    public static OfflineDecision Call(string id, FunctionCallContent call) =>
        new(id, [call], ChatFinishReason.ToolCalls, call.Name.Length + (call.Arguments?.Sum(a => a.Key.Length + (a.Value?.ToString()?.Length ?? 0)) ?? 0));
}
