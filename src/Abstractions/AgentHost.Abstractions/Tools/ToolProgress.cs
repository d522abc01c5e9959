namespace AgentHost.Abstractions.Tools;

/// <summary>One progress report of a running tool (see <see cref="ToolInvocation.GetProgress"/>).</summary>
/// <param name="Progress">The progress so far (increases with every report).</param>
/// <param name="Total">The total, when known.</param>
/// <param name="Message">A human-readable message, when given.</param>
public readonly record struct ToolProgress(double Progress, double? Total = null, string? Message = null);
