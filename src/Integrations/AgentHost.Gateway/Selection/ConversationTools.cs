using AgentHost.Gateway.Catalog;
using AgentHost.Gateway.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Selection;

/// <summary>Reads the conversation for tools to keep offering: the ones the model called and the ones the search tool returned (most recent first).</summary>
internal static class ConversationTools
{
    public static List<GatewayToolFunction> Find(IReadOnlyList<ChatMessage> messages, CatalogSnapshot snapshot, string searchToolName, int limit)
    {
        var found = new List<GatewayToolFunction>();
        var searchCalls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            foreach (var call in message.Contents.OfType<FunctionCallContent>())
            {
                if (call.Name == searchToolName)
                {
                    searchCalls.Add(call.CallId);
                }
            }
        }

        for (var m = messages.Count - 1; m >= 0 && found.Count < limit; m--)
        {
            foreach (var content in messages[m].Contents.Reverse())
            {
                var names = content switch
                {
                    FunctionResultContent result when searchCalls.Contains(result.CallId) => JsonNameExtractor.Extract(result.Result),
                    FunctionCallContent call => [call.Name],
                    _ => [],
                };
                foreach (var name in names)
                {
                    if (snapshot.ByName.TryGetValue(name, out var tool) && !found.Contains(tool) && found.Count < limit)
                    {
                        found.Add(tool);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The text of the latest user message that has text (tool results are not queries).</summary>
    public static string LastUserText(IReadOnlyList<ChatMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (messages[i].Role == ChatRole.User)
            {
                var text = string.Concat(messages[i].Contents.OfType<TextContent>().Select(t => t.Text));
                if (!string.IsNullOrWhiteSpace(text))
                {
                    return text;
                }
            }
        }

        return string.Empty;
    }
}
