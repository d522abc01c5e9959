namespace AgentHost.Abstractions.Agents;

/// <summary>A fragment of the assistant's text, as the model streamed it.</summary>
/// <param name="Text">The fragment.</param>
/// <param name="Cycle">The model call (1-based) that produced it.</param>
public sealed record TextDeltaEvent(string Text, int Cycle) : AgentEvent;
