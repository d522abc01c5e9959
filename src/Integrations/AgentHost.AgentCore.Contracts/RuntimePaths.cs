namespace AgentHost.AgentCore.Contracts;

/// <summary>The paths of the AgentCore Runtime HTTP contract, served by the container.</summary>
public static class RuntimePaths
{
    /// <summary>The health check: <c>GET /ping</c> answers a <see cref="PingResponse"/>.</summary>
    public const string Ping = "/ping";

    /// <summary>The turn: <c>POST /invocations</c> takes an <see cref="InvocationPayload"/> and answers an <see cref="InvocationResponse"/> or Server-Sent Events.</summary>
    public const string Invocations = "/invocations";
}
