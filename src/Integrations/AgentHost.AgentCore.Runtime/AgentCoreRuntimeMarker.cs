namespace AgentHost.AgentCore.Runtime;

/// <summary>Registered by <c>AddAgentCoreRuntime</c> so that mapping the endpoints can check the services exist.</summary>
internal sealed class AgentCoreRuntimeMarker;
