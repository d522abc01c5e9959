using System.Text.Json;
using AgentHost.Connect.Serialization;

namespace AgentHost.Connect.Events;

/// <summary>Reads a Lambda event and tells a Lex V2 code hook event from a contact-flow event. Never throws.</summary>
public static class ConnectEventParser
{
    /// <summary>Parses <paramref name="json"/>.</summary>
    /// <param name="json">The Lambda event (UTF-8 JSON).</param>
    /// <returns>The event and its kind; <see cref="ConnectEventKind.Unknown"/> with a problem when it is neither.</returns>
    public static ParsedConnectEvent Parse(ReadOnlySpan<byte> json)
    {
        InboundEvent? inbound;
        try
        {
            inbound = JsonSerializer.Deserialize(json, ConnectJsonContext.Default.InboundEvent);
        }
        catch (JsonException ex)
        {
            return new(ConnectEventKind.Unknown, null, $"The event is not a JSON object of a known shape ({ex.GetType().Name} at byte {ex.BytePositionInLine ?? 0}, line {ex.LineNumber ?? 0}).");
        }

        if (inbound is null)
        {
            return new(ConnectEventKind.Unknown, null, "The event is JSON null.");
        }

        if (inbound.Details?.ContactData is not null)
        {
            return new(ConnectEventKind.ContactFlow, inbound, null);
        }

        if (inbound.SessionState is not null || inbound.InvocationSource is not null || inbound.InputTranscript is not null)
        {
            return new(ConnectEventKind.Lex, inbound, null);
        }

        return new(ConnectEventKind.Unknown, inbound, inbound.Details is not null
            ? "A contact-flow event without Details.ContactData."
            : "Neither a Lex V2 code hook event (sessionState, invocationSource) nor a contact-flow event (Details.ContactData).");
    }
}
