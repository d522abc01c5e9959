namespace AgentHost.Gateway.Catalog;

/// <summary>A tool whose natural Bedrock name was taken, and the name it got instead.</summary>
internal sealed record ToolNameCollision(ToolKey Tool, string WantedName, string AssignedName);
