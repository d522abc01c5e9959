using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using AgentHost.Deploy.Tests.Docker;
using AgentHost.Deploy.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(NativePublishFixture))]

namespace AgentHost.Deploy.Tests.Docker;

/// <summary>
/// The Dockerfile's build stage replayed without Docker, once per target and test run (each replay is a Native AOT publish of
/// the server, one to two minutes): its <c>COPY</c> instructions copy from the repository into a temp folder that stands for
/// the stage's working directory, then its <c>dotnet</c> commands run there as written, with <c>/app</c> mapped to a temp
/// folder and <c>-r</c> set to the target. A linux-arm64 target on an x64 machine is cross-compiled: the one addition is
/// <c>-p:SysRoot=</c> (the arm64 sysroot of tests/setup/native-aot-toolchain.sh). Publishes run one at a time (two cores).
/// </summary>
public sealed class NativePublishFixture : IDisposable
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
        ["MSBUILDDISABLENODEREUSE"] = "1",
    };

    private readonly ConcurrentDictionary<string, Lazy<Task<NativePublishOutput>>> _outputs = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly List<TempDirectory> _folders = [];

    /// <summary>The Dockerfile's build stage replayed for <paramref name="runtimeIdentifier"/> (cached for the test run).</summary>
    public Task<NativePublishOutput> PublishAsync(string runtimeIdentifier) =>
        _outputs.GetOrAdd(runtimeIdentifier, rid => new Lazy<Task<NativePublishOutput>>(() => ReplayAsync(rid))).Value;

    /// <summary>Extra MSBuild properties a replay for <paramref name="runtimeIdentifier"/> needs on this machine.</summary>
    public static IReadOnlyList<string> CrossCompileProperties(string runtimeIdentifier) =>
        IsCrossArm64(runtimeIdentifier) ? ["-p:SysRoot=" + Arm64Emulation.SysRoot] : [];

    public void Dispose()
    {
        foreach (var folder in _folders)
        {
            folder.Dispose();
        }

        _oneAtATime.Dispose();
    }

    private static bool IsCrossArm64(string runtimeIdentifier) =>
        runtimeIdentifier == "linux-arm64" && RuntimeInformation.OSArchitecture != Architecture.Arm64;

    private async Task<NativePublishOutput> ReplayAsync(string runtimeIdentifier)
    {
        if (IsCrossArm64(runtimeIdentifier))
        {
            Arm64Emulation.AssertInstalled();
        }

        await _oneAtATime.WaitAsync();
        try
        {
            var dockerfile = Dockerfile.Load(RepositoryPaths.Combine("Dockerfile"));
            var build = dockerfile.Stage("build");
            var context = NewFolder("agenthost-docker-src-" + runtimeIdentifier);
            var output = NewFolder("agenthost-docker-app-" + runtimeIdentifier);
            DockerBuildContext.Stage(build, context.Path);

            var commands = DockerBuildContext.DotnetCommands(build, output.Path, runtimeIdentifier);
            var stopwatch = Stopwatch.StartNew();
            var cpuBefore = ChildrenCpu();
            foreach (var command in commands)
            {
                var arguments = command[1..].Concat(CrossCompileProperties(runtimeIdentifier)).ToList();
                var result = await ProcessRunner.RunAsync(command[0], arguments, context.Path, Environment, TimeSpan.FromMinutes(45), CancellationToken.None);
                Assert.True(result.ExitCode == 0, $"'{string.Join(' ', command[..1].Concat(arguments))}' failed in the replayed build stage: {result.Describe()}");
                Assert.DoesNotContain(": warning ", result.StandardOutput, StringComparison.Ordinal);
            }

            var entryPoint = Path.Combine(output.Path, Path.GetFileName(Assert.Single(dockerfile.EntryPoint)));
            return new NativePublishOutput(runtimeIdentifier, output.Path, entryPoint, stopwatch.Elapsed, ChildrenCpu() - cpuBefore);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private TempDirectory NewFolder(string prefix)
    {
        var folder = new TempDirectory(prefix);
        lock (_folders)
        {
            _folders.Add(folder);
        }

        return folder;
    }

    /// <summary>CPU time of this process's waited-for children (the dotnet commands and what they start and wait for).</summary>
    private static TimeSpan ChildrenCpu()
    {
        // /proc/self/stat fields 16 and 17: cutime and cstime, in clock ticks (100 per second on Linux).
        var fields = File.ReadAllText("/proc/self/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TimeSpan.FromSeconds((long.Parse(fields[13], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[14], System.Globalization.CultureInfo.InvariantCulture)) / 100.0);
    }
}
