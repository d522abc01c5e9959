using System.Text.Json.Nodes;
using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.AgentCore;

/// <summary><c>agentcore validate</c> (the real, pinned CLI, offline) on the repository's configuration and on broken copies.</summary>
public sealed class AgentCoreValidateTests
{
    [Fact]
    public async Task Validate_RepositoryConfiguration_SucceedsAsync()
    {
        var result = await AgentCoreCli.ValidateAsync(RepositoryPaths.Root, TestContext.Current.CancellationToken);

        Assert.True(result.Success, "agentcore validate rejected the repository's configuration: " + (result.Error ?? result.Process.Describe()));
        Assert.Equal(0, result.Process.ExitCode);
    }

    [Fact]
    public async Task Validate_StagedCopyOfTheConfiguration_SucceedsAsync()
    {
        using var directory = new TempDirectory("agentcore-valid");
        AgentCoreProject.Stage(directory.Path, AgentCoreProject.Load());

        var result = await AgentCoreCli.ValidateAsync(directory.Path, TestContext.Current.CancellationToken);

        Assert.True(result.Success, "The staged copy must validate, so the broken copies below fail for their defect only: " + result.Error);
    }

    [Fact]
    public async Task Validate_UnknownTopLevelKey_FailsAsync()
    {
        using var directory = new TempDirectory("agentcore-broken");
        var project = AgentCoreProject.Load();
        project["deployTarget"] = "production";
        AgentCoreProject.Stage(directory.Path, project);

        var result = await AgentCoreCli.ValidateAsync(directory.Path, TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        Assert.NotEqual(0, result.Process.ExitCode);
        Assert.Contains("deployTarget", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ContainerRuntimeWithoutScriptEntrypoint_FailsAsync()
    {
        using var directory = new TempDirectory("agentcore-broken");
        var project = AgentCoreProject.Load();
        AgentCoreProject.Runtimes(project).First()["entrypoint"] = "AgentHost.Server.dll";
        AgentCoreProject.Stage(directory.Path, project);

        var result = await AgentCoreCli.ValidateAsync(directory.Path, TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        Assert.Contains("entrypoint", result.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Validate_ReservedHeaderInAllowlist_FailsAsync()
    {
        using var directory = new TempDirectory("agentcore-broken");
        var project = AgentCoreProject.Load();
        var allowlist = (JsonArray)AgentCoreProject.Runtimes(project).First()["requestHeaderAllowlist"]!;
        allowlist.Add("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id");
        AgentCoreProject.Stage(directory.Path, project);

        var result = await AgentCoreCli.ValidateAsync(directory.Path, TestContext.Current.CancellationToken);

        Assert.False(result.Success);
        Assert.Contains("Session-Id", result.Error, StringComparison.Ordinal);
    }
}
