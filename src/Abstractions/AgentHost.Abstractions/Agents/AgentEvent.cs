namespace AgentHost.Abstractions.Agents;

/// <summary>Base type of the typed events a turn streams, in the order they happen.</summary>
public abstract record AgentEvent;
