namespace AgentHost.Connect.Events;

/// <summary>The outcome of reading an event: its kind, the model, and what was wrong when it is <see cref="ConnectEventKind.Unknown"/>.</summary>
/// <param name="Kind">Which caller sent it.</param>
/// <param name="Event">The model (null when the JSON could not be read).</param>
/// <param name="Problem">Why the event is unknown (no event contents).</param>
public sealed record ParsedConnectEvent(ConnectEventKind Kind, InboundEvent? Event, string? Problem);
