namespace AgentHost.Abstractions.Control;

/// <summary>The result of <see cref="IToolIntentStore.BeginAsync"/>.</summary>
/// <param name="Created">True when this call wrote the intent and may run the tool; false when an intent with that key already existed.</param>
/// <param name="Intent">The stored intent (the earlier one when <paramref name="Created"/> is false).</param>
public sealed record ToolIntentBeginResult(bool Created, ToolIntent Intent);
