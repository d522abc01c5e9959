using AgentHost.Testing;

namespace AgentHost.AgentCore.Contracts.Tests;

/// <summary>
/// Every test in the repository is named as a behaviour sentence, <c>Subject_Condition_ExpectedResult</c>, ending in
/// <c>Async</c> exactly when it returns a task (STYLE.md; e.g. <c>RunAsync_ToolTimesOut_ReturnsErrorResultToModelAsync</c>).
/// <c>python3 tests/tools/test_names.py --list</c> lists the offenders per project.
/// </summary>
public sealed class TestNamingConventionTests
{
    [Fact]
    public void TestMethods_EveryFactAndTheory_FollowSubjectConditionExpectedNaming()
    {
        var methods = TestMethodNames.Scan(Path.Combine(RepositoryPaths.Root, "tests")).ToList();

        Assert.Contains(methods, m => m.Name == nameof(TestMethods_EveryFactAndTheory_FollowSubjectConditionExpectedNaming));
        var violations = methods
            .Select(m => (Method: m, Problems: TestMethodNames.Problems(m.Name, m.ReturnsTask)))
            .Where(v => v.Problems.Count > 0)
            .Select(v => $"tests/{v.Method.File}:{v.Method.Line} {v.Method.Name}: {string.Join("; ", v.Problems)}")
            .ToList();
        Assert.True(violations.Count == 0, $"{violations.Count} test names break Subject_Condition_ExpectedResult[Async]:\n{string.Join('\n', violations)}");
    }

    [Theory]
    [InlineData("RunAsync_ToolTimesOut_ReturnsErrorResultToModelAsync", true, true)]
    [InlineData("Get_UnknownPath_Answers404Async", true, true)]
    [InlineData("Map_ValidName_KeepsItUnchanged", false, true)]
    [InlineData("Map_ValidName_KeepsItUnchangedAsync", false, false)]
    [InlineData("RunAsync_ToolTimesOut_ReturnsErrorResultToModel", true, false)]
    [InlineData("ValidName_IsKeptUnchanged", false, false)]
    [InlineData("Request_with_the_token_is_served", true, false)]
    [InlineData("Request_withTheToken_IsServedAsync", true, false)]
    [InlineData("Request__IsServedAsync", true, false)]
    public void Problems_SampleNames_AcceptOnlySubjectConditionExpectedResult(string name, bool returnsTask, bool follows) =>
        Assert.Equal(follows, TestMethodNames.Problems(name, returnsTask).Count == 0);
}
