namespace AgentHost.Connect.Routing;

/// <summary>
/// Where the contact goes after a turn, as the session attribute / result key <c>Tool</c> the shipped flows branch on
/// (<c>$.Lex.SessionAttributes.Tool</c>).
/// </summary>
public enum ConnectRoute
{
    /// <summary>The conversation goes on with the agent (Lex: <c>ElicitIntent</c>).</summary>
    Continue,

    /// <summary>A human takes over: the flow transfers the contact to the target queue.</summary>
    Escalate,

    /// <summary>The customer's request is done: the flow thanks the customer and ends the contact.</summary>
    Complete,

    /// <summary>End the contact now.</summary>
    Disconnect,
}
