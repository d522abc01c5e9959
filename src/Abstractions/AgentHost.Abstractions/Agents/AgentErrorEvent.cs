namespace AgentHost.Abstractions.Agents;

/// <summary>An error the turn could not recover from (a failed model call). A <see cref="TurnFinishedEvent"/> still follows.</summary>
/// <param name="Message">A message safe to show to the caller.</param>
/// <param name="ErrorType">The error's type name, e.g. <c>ThrottlingException</c>.</param>
public sealed record AgentErrorEvent(string Message, string ErrorType) : AgentEvent;
