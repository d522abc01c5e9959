namespace AgentHost.AgentCore.Contracts;

/// <summary>Header names of the AgentCore Runtime contract.</summary>
public static class RuntimeHeaders
{
    /// <summary>The runtime session id.</summary>
    public const string SessionId = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";

    /// <summary>The runtime request id.</summary>
    public const string RequestId = "X-Amzn-Bedrock-AgentCore-Runtime-Request-Id";

    /// <summary>The end user's id on an InvokeAgentRuntime request (used by AgentCore Identity); optional.</summary>
    public const string UserId = "X-Amzn-Bedrock-AgentCore-Runtime-User-Id";

    /// <summary>The prefix of allow-listed custom headers; they become caller attributes named after the suffix.</summary>
    public const string CustomPrefix = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-";
}
