using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.Docker;

/// <summary>
/// The build stage's restore and publish, replayed from a copy of exactly what the Dockerfile copies (NativePublishFixture:
/// one Native AOT publish per target and test run), then the published entry point run for a few turns as the image runs
/// it. The final image itself cannot be built here (no Docker engine); this proves everything up to it. linux-arm64, the
/// image's target, is cross-compiled here and run under qemu's user-mode emulation; linux-x64 runs natively.
/// </summary>
public sealed class DockerPublishTests(NativePublishFixture publishes)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task DockerfileBuildStage_ReplayedForLinuxX64_PublishesANativeExecutableThatServesToolCallingTurnsAsync() =>
        await AssertPublishedEntryPointServesAsync("linux-x64");

    [Fact]
    [Trait("Category", "Slow")]
    public async Task DockerfileBuildStage_ReplayedForLinuxArm64_PublishesAnArm64ExecutableThatServesToolCallingTurnsUnderEmulationAsync() =>
        await AssertPublishedEntryPointServesAsync("linux-arm64");

    private async Task AssertPublishedEntryPointServesAsync(string runtimeIdentifier)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var publish = await publishes.PublishAsync(runtimeIdentifier);
        TestContext.Current.TestOutputHelper?.WriteLine(publish.Describe());

        // One native executable (plus the SQLite library it loads): no runtime, no IL, no symbols or docs in the image.
        Assert.True(File.Exists(publish.EntryPoint), $"{publish.EntryPoint} (the image's entry point) is not in the publish output.");
        Assert.Equal(ElfHeader.For(runtimeIdentifier), ElfHeader.Machine(publish.EntryPoint));
        var files = Directory.GetFiles(publish.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.DoesNotContain(files, f => f!.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".dbg", StringComparison.Ordinal)
            || f.EndsWith(".pdb", StringComparison.Ordinal) || f.EndsWith(".xml", StringComparison.Ordinal) || f == "libcoreclr.so");
        Assert.Contains("libe_sqlite3.so", files);

        // The trimmed, AOT-compiled host must still do everything: discovery over MCP, a tool-calling turn, the store, JSON errors.
        using var data = new TempDirectory("agenthost-docker-data");
        using var server = PublishedServer.Start(publish, data.Path);
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
        Assert.DoesNotContain("MissingMetadataException", server.Output, StringComparison.Ordinal);
    }
}
