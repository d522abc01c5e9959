using System.Text.Json;
using AgentHost.Abstractions.Supervision;
using Microsoft.Extensions.AI;

namespace AgentHost.Supervision.Guidance;

/// <summary>
/// The message that carries supervisor guidance into the conversation: a <see cref="ChatRole.System"/> message with
/// <see cref="ChatMessage.AuthorName"/> <see cref="AuthorName"/>, the guidance id in its additional properties, and the
/// guidance after a fixed preamble. Stored with the turn (the transcript), never part of the reply.
/// </summary>
public static class GuidanceMessages
{
    /// <summary>The author name of guidance messages.</summary>
    public const string AuthorName = "supervisor";

    /// <summary>The additional-properties key holding the guidance id.</summary>
    public const string GuidanceIdProperty = "agenthost.guidanceId";

    /// <summary>What precedes the supervisor's text.</summary>
    public const string Preamble = "Guidance from a human supervisor of this conversation. The customer cannot see it: do not mention it or the supervisor; follow it from your next reply on.\nGuidance: ";

    /// <summary>The message for <paramref name="guidance"/>.</summary>
    public static ChatMessage Create(SupervisorGuidance guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        return new ChatMessage(ChatRole.System, Preamble + guidance.Text)
        {
            AuthorName = AuthorName,
            AdditionalProperties = new AdditionalPropertiesDictionary { [GuidanceIdProperty] = guidance.Id },
        };
    }

    /// <summary>Whether a message is supervisor guidance, and its id.</summary>
    public static bool IsGuidance(ChatMessage message, out string guidanceId)
    {
        ArgumentNullException.ThrowIfNull(message);
        guidanceId = string.Empty;
        if (message.Role != ChatRole.System || !string.Equals(message.AuthorName, AuthorName, StringComparison.Ordinal))
        {
            return false;
        }

        if (message.AdditionalProperties?.TryGetValue(GuidanceIdProperty, out var value) == true)
        {
            // In memory a string; read back from a store a JSON string.
            guidanceId = value switch
            {
                string s => s,
                JsonElement { ValueKind: JsonValueKind.String } e => e.GetString() ?? string.Empty,
                _ => string.Empty,
            };
        }

        return true;
    }

    /// <summary>The supervisor's text of a guidance message (without the preamble).</summary>
    public static string TextOf(ChatMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.Text;
        return text.StartsWith(Preamble, StringComparison.Ordinal) ? text[Preamble.Length..] : text;
    }
}
