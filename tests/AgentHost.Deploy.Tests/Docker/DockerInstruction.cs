namespace AgentHost.Deploy.Tests.Docker;

/// <summary>One Dockerfile instruction: the keyword (upper case) and its arguments with line continuations joined.</summary>
internal sealed record DockerInstruction(string Keyword, string Arguments, int Line);
