using System.Text.Json;
using AgentHost.Abstractions.Conversations;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Tools;

/// <summary>Converts the model's arguments (JSON elements, or CLR values from hand-built calls) to JSON for MCP.</summary>
internal static class ArgumentConverter
{
    public static Dictionary<string, JsonElement> ToJson(AIFunctionArguments arguments)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            values[name] = ConversationJson.ToElement(value);
        }

        return values;
    }
}
