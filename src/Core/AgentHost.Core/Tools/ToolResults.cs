using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tools;

/// <summary>Helpers to build tool results the model sees and to describe tool arguments.</summary>
public static class ToolResults
{
    /// <summary>
    /// Creates an error result. The model sees <paramref name="message"/>; the result carries an exception (for model
    /// clients that map error status, e.g. Bedrock's <c>status: error</c>) and a <c>status</c> property that survives storage.
    /// </summary>
    public static FunctionResultContent Error(string callId, ToolCallStatus status, string message) =>
        new(callId, message)
        {
            Exception = new ToolCallFailedException(message),
            AdditionalProperties = new AdditionalPropertiesDictionary { [ToolResultStatus.Property] = status.ToWireName() },
        };

    /// <summary>Serialises tool arguments to a JSON object (an empty object when there are none).</summary>
    public static JsonElement ToJson(IDictionary<string, object?>? arguments) => ConversationJson.ToJsonObject(arguments);

    /// <summary>Turns a JSON object of arguments (as stored) back into the argument dictionary a tool receives (values stay JSON elements).</summary>
    public static Dictionary<string, object?> ToArguments(JsonElement input)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (input.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in input.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }
        }

        return arguments;
    }
}
