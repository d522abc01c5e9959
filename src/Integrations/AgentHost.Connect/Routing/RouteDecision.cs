using AgentHost.Connect.Bridge;

namespace AgentHost.Connect.Routing;

/// <summary>The route of a finished turn and the tool call that decided it (null for <see cref="ConnectRoute.Continue"/>).</summary>
/// <param name="Route">The route.</param>
/// <param name="DecidingCall">The successful tool call that decided it.</param>
public sealed record RouteDecision(ConnectRoute Route, AgentToolCall? DecidingCall);
