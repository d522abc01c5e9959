namespace AgentHost.AgentCore.Client;

/// <summary>
/// An event of a streamed turn (<see cref="AgentRuntimeClient.InvokeStreamingAsync"/>): <see cref="InvocationTextDelta"/>,
/// <see cref="InvocationToolCall"/>, and last either <see cref="InvocationCompleted"/> or <see cref="InvocationFailed"/>.
/// </summary>
public abstract record InvocationEvent;
