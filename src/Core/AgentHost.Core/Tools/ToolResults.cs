using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tools;

/// <summary>Helpers to build tool results the model sees and to describe tool arguments.</summary>
public static class ToolResults
{
    /// <summary>The <see cref="AIContent.AdditionalProperties"/> key holding a result's <see cref="ToolCallStatus"/> wire name.</summary>
    public const string StatusProperty = "status";

    /// <summary>
    /// Creates an error result. The model sees <paramref name="message"/>; the result carries an exception (for model
    /// clients that map error status, e.g. Bedrock's <c>status: error</c>) and a <c>status</c> property that survives storage.
    /// </summary>
    public static FunctionResultContent Error(string callId, ToolCallStatus status, string message) =>
        new(callId, message)
        {
            Exception = new ToolCallFailedException(message),
            AdditionalProperties = new AdditionalPropertiesDictionary { [StatusProperty] = status.ToWireName() },
        };

    /// <summary>True when a result reports a failure (it carries an exception or a non-success status).</summary>
    public static bool IsError(FunctionResultContent result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Exception is not null)
        {
            return true;
        }

        return result.AdditionalProperties?.TryGetValue(StatusProperty, out var status) == true
            && status?.ToString() is { } text
            && !string.Equals(text, ToolCallStatus.Success.ToWireName(), StringComparison.Ordinal);
    }

    /// <summary>Serialises tool arguments to a JSON object (an empty object when there are none).</summary>
    public static JsonElement ToJson(IDictionary<string, object?>? arguments)
    {
        if (arguments is null || arguments.Count == 0)
        {
            return EmptyObject;
        }

        return JsonSerializer.SerializeToElement(arguments, ConversationJson.Options.GetTypeInfo(typeof(IDictionary<string, object?>)));
    }

    private static JsonElement EmptyObject { get; } = JsonDocument.Parse("{}").RootElement.Clone();
}
