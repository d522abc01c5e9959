using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.Docker;

/// <summary>
/// The build stage's restore and publish, replayed here from a copy of exactly what the Dockerfile copies (slow: one
/// Release publish). The final image itself cannot be built here (no Docker engine); this proves everything up to it.
/// </summary>
public sealed class DockerPublishTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task DockerfileBuildStage_ReplayedFromTheCopiedFilesOnly_PublishesTheEntryPointDll()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var dockerfile = Dockerfile.Load(RepositoryPaths.Combine("Dockerfile"));
        var build = dockerfile.Stage("build");
        using var context = new TempDirectory("agenthost-docker-src");
        using var output = new TempDirectory("agenthost-docker-app");
        DockerBuildContext.Stage(build, context.Path);

        var commands = DockerBuildContext.Commands(build, output.Path);
        Assert.Contains(commands, c => c.Length > 1 && c[0] == "dotnet" && c[1] == "publish");
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
            ["MSBUILDDISABLENODEREUSE"] = "1",
        };
        foreach (var command in commands)
        {
            var result = await ProcessRunner.RunAsync(command[0], command[1..], context.Path, environment, TimeSpan.FromMinutes(15), cancellationToken);
            Assert.True(result.ExitCode == 0, $"'{string.Join(' ', command)}' failed in the replayed build stage: {result.Describe()}");
        }

        var entryDll = dockerfile.EntryPoint[^1];
        Assert.True(File.Exists(Path.Combine(output.Path, entryDll)), $"{entryDll} is not in the publish output.");
        Assert.True(File.Exists(Path.Combine(output.Path, Path.ChangeExtension(entryDll, ".runtimeconfig.json"))), "The publish output has no runtimeconfig.json.");
        var runtimeConfig = await File.ReadAllTextAsync(Path.Combine(output.Path, Path.ChangeExtension(entryDll, ".runtimeconfig.json")), cancellationToken);
        Assert.Contains("Microsoft.AspNetCore.App", runtimeConfig, StringComparison.Ordinal);
    }
}
