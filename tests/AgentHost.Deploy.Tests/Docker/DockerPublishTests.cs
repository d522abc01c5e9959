using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.Docker;

/// <summary>
/// The build stage's restore and publish, replayed here from a copy of exactly what the Dockerfile copies (slow: one
/// self-contained, trimmed, composite ReadyToRun publish), then the published entry point run for a few turns. The final
/// image itself cannot be built here (no Docker engine); this proves everything up to it. The replay targets linux-x64: this machine's NuGet source has no linux-arm64 runtime packs, which a
/// self-contained publish needs (the copied files, the restore and the publish options are the same; the arm64 packs are not
/// verified here).
/// </summary>
public sealed class DockerPublishTests
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task DockerfileBuildStage_ReplayedFromTheCopiedFilesOnly_PublishesTheSelfContainedEntryPoint()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var dockerfile = Dockerfile.Load(RepositoryPaths.Combine("Dockerfile"));
        var build = dockerfile.Stage("build");
        using var context = new TempDirectory("agenthost-docker-src");
        using var output = new TempDirectory("agenthost-docker-app");
        DockerBuildContext.Stage(build, context.Path);

        var commands = DockerBuildContext.Commands(build, output.Path, runtimeIdentifier: "linux-x64");
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

        var entryPoint = Path.GetFileName(Assert.Single(dockerfile.EntryPoint));
        Assert.True(File.Exists(Path.Combine(output.Path, entryPoint)), $"{entryPoint} (the native entry point) is not in the publish output.");
        Assert.True(File.Exists(Path.Combine(output.Path, "libcoreclr.so")), "The publish output is not self-contained (no libcoreclr.so).");
        Assert.True(File.Exists(Path.Combine(output.Path, entryPoint + ".r2r.dll")), "The publish output has no composite ReadyToRun image.");
        var runtimeConfig = await File.ReadAllTextAsync(Path.Combine(output.Path, entryPoint + ".runtimeconfig.json"), cancellationToken);
        Assert.Contains("Microsoft.AspNetCore.App", runtimeConfig, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output.Path, "Microsoft.AspNetCore.Mvc.Core.dll")), "The publish output is not trimmed (MVC, which the server never uses, is still there).");

        // The trimmed image must still do everything: discovery over MCP, a tool-calling turn, the store, JSON errors.
        using var data = new TempDirectory("agenthost-docker-data");
        using var server = PublishedServer.Start(Path.Combine(output.Path, entryPoint), data.Path);
        var ping = await server.WaitForHealthyAsync(cancellationToken);
        Assert.Equal("Healthy", ping.GetProperty("status").GetString());

        var (status, body) = await server.InvokeAsync("docker-replay-000000000000000000000000001", """{"prompt":"What is the portfolio of investor LP-001?"}""", cancellationToken);
        Assert.True(status == System.Net.HttpStatusCode.OK, body.ToString());
        Assert.Equal("portfolio___get_portfolio", body.GetProperty("toolCalls")[0].GetProperty("name").GetString());
        Assert.Contains("LP-001", body.GetProperty("text").GetString(), StringComparison.Ordinal);

        (status, body) = await server.InvokeAsync("docker-replay-000000000000000000000000001", """{"prompt":"And what did I just ask you?"}""", cancellationToken);
        Assert.True(status == System.Net.HttpStatusCode.OK, body.ToString());

        (status, body) = await server.InvokeAsync("docker-replay-000000000000000000000000002", "{oops", cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error").GetString()));

        Assert.True(await server.StopAsync(cancellationToken) == 0, server.Output);
        Assert.DoesNotContain("NotSupportedException", server.Output, StringComparison.Ordinal);
    }
}
