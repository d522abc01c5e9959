using AgentHost.Connect.Bridge;

namespace AgentHost.Connect.Routing;

/// <summary>
/// Decides where the contact goes after a finished turn, from the turn's successful tool calls: a call matching
/// <see cref="ConnectBridgeOptions.EscalateTools"/> means Escalate, then <see cref="ConnectBridgeOptions.DisconnectTools"/>
/// Disconnect, then <see cref="ConnectBridgeOptions.CompleteTools"/> Complete; otherwise the conversation continues.
/// Escalate wins over the others because a person can always end a contact, but not the reverse.
/// </summary>
public static class RouteDecider
{
    /// <summary>Decides the route of <paramref name="outcome"/>.</summary>
    /// <param name="outcome">A completed turn.</param>
    /// <param name="options">The tool patterns.</param>
    /// <returns>The route.</returns>
    public static RouteDecision Decide(AgentTurnOutcome outcome, ConnectBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(options);
        var succeeded = outcome.ToolCalls.Where(c => string.Equals(c.Status, "success", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var (route, patterns) in new (ConnectRoute, IReadOnlyList<string>)[]
        {
            (ConnectRoute.Escalate, options.EscalateTools),
            (ConnectRoute.Disconnect, options.DisconnectTools),
            (ConnectRoute.Complete, options.CompleteTools),
        })
        {
            if (succeeded.FirstOrDefault(c => ToolGlob.IsMatchAny(patterns, c.Name)) is { } call)
            {
                return new RouteDecision(route, call);
            }
        }

        return new RouteDecision(ConnectRoute.Continue, null);
    }
}
