namespace AgentHost.AgentCore.Contracts.Tests;

/// <summary>An xunit <c>[Fact]</c> or <c>[Theory]</c> method found in the repository's test sources.</summary>
internal sealed record TestMethod(string Project, string File, int Line, string Name, string ReturnType)
{
    /// <summary>Whether the method returns <c>Task</c> or <c>ValueTask</c> (and so must end in <c>Async</c>).</summary>
    public bool ReturnsTask => TestMethodNames.IsTaskType(ReturnType);
}
