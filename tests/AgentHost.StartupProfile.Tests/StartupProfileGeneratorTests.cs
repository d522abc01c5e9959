using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AgentHost.StartupProfile.Tests;

/// <summary>
/// The start-up profile generator run as the update script runs it (a process), against the shared framework of this test
/// process, and the profile committed beside the server.
/// </summary>
public sealed class StartupProfileGeneratorTests : IDisposable
{
    private static readonly string Repository = FindRepository();
    private static readonly string Generator = Path.Combine(Repository, "tests/benchmarks/AgentHost.StartupProfile/bin",
        new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0/AgentHost.StartupProfile.dll");
    private static readonly string Framework = RuntimeEnvironment.GetRuntimeDirectory();
    private readonly string _directory = Directory.CreateTempSubdirectory("startup-profile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Generate_PerfMapAndJitListLines_WritesTheInstantiationsWithSharedCodeAsSystemPrivateCanonAsync()
    {
        var profile = await GenerateAsync(
            "# a comment",
            "0x7f1c608d00f0 101 instance void [System.Private.CoreLib] System.Collections.Generic.Dictionary`2[System.__Canon,System.__Canon]::.ctor(int32,class System.Collections.Generic.IEqualityComparer`1<!0>)[Optimized]",
            "JIT compiled System.SZArrayHelper:GetEnumerator[System.__Canon]() [FullOpts, IL size=28, code size=168]",
            "instance void [System.Private.CoreLib] System.Collections.Generic.GenericEqualityComparer`1[System.Int32]::.ctor()[Optimized]");

        var dump = await RunAsync("--dump", profile);

        Assert.Contains("[System.Private.CoreLib]System.Collections.Generic.Dictionary`2<[System.Private.Canon]System.__Canon,[System.Private.Canon]System.__Canon>::.ctor(int32,", dump.Output, StringComparison.Ordinal);
        Assert.Contains("[System.Private.CoreLib]System.SZArrayHelper::GetEnumerator() <[System.Private.Canon]System.__Canon>", dump.Output, StringComparison.Ordinal);
        Assert.Contains("[System.Private.CoreLib]System.Collections.Generic.GenericEqualityComparer`1<int32>::.ctor()", dump.Output, StringComparison.Ordinal);
        Assert.Contains("total 3 methods", dump.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_LinesThatDoNotResolve_AreReportedAndTheRestIsWrittenAsync()
    {
        var input = Path.Combine(_directory, "methods.txt");
        await File.WriteAllLinesAsync(input, [
            "instance void [System.Private.CoreLib] System.Collections.Generic.GenericEqualityComparer`1[System.Int32]::.ctor()[Optimized]",
            "instance void [NoSuch.Assembly] No.Such.Type::Method()[Optimized]",
            "0x7f1c61790040 3d object [System.Private.CoreLib] dynamicClass::InvokeStub_X(object)[Optimized]",
        ], TestContext.Current.CancellationToken);
        var output = Path.Combine(_directory, "profile.mibc");
        var unresolved = Path.Combine(_directory, "unresolved.txt");

        var run = await RunAsync("--refs", Framework, "--in", input, "--out", output, "--unresolved", unresolved);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 methods written", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 unresolved", run.Output, StringComparison.Ordinal);
        var reasons = await File.ReadAllLinesAsync(unresolved, TestContext.Current.CancellationToken);
        Assert.Contains(reasons, r => r.StartsWith("type No.Such.Type not found", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("dynamic method", StringComparison.Ordinal));
        Assert.Contains("total 1 methods", (await RunAsync("--dump", output)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_Zipped_WritesAZipThatReadsTheSameAsync()
    {
        var profile = await GenerateAsync(["instance void [System.Private.CoreLib] System.Collections.Generic.GenericEqualityComparer`1[System.Int32]::.ctor()[Optimized]"], "--zip");

        var bytes = await File.ReadAllBytesAsync(profile, TestContext.Current.CancellationToken);

        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.Contains("GenericEqualityComparer`1<int32>::.ctor()", (await RunAsync("--dump", profile)).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutInputOrOutput_PrintsTheUsageAndFailsAsync()
    {
        var run = await RunAsync("--refs", Framework);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--refs", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommittedProfile_ListsTheStartUpInstantiationsTheServerPublishPrecompilesAsync()
    {
        var directory = Path.Combine(Repository, "src/Applications/AgentHost.Server/StartupProfile");

        var dump = await RunAsync("--dump", Path.Combine(directory, "startup.mibc"));

        var total = int.Parse(dump.Output.Split("total ")[^1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(total, 100, 5000);
        Assert.Contains("AsyncStateMachineBox`1<", dump.Output, StringComparison.Ordinal);
        Assert.Contains("[Microsoft.AspNetCore.Server.Kestrel.Core]", dump.Output, StringComparison.Ordinal);
        Assert.Contains("[AgentHost.Gateway]", dump.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "startup-methods.txt")), "the profile's input list is committed beside it");
    }

    private async Task<string> GenerateAsync(params string[] lines) => await GenerateAsync(lines, []);

    private async Task<string> GenerateAsync(string[] lines, params string[] options)
    {
        var input = Path.Combine(_directory, "methods.txt");
        await File.WriteAllLinesAsync(input, lines, TestContext.Current.CancellationToken);
        var output = Path.Combine(_directory, "profile.mibc");
        var run = await RunAsync(["--refs", Framework, "--in", input, "--out", output, .. options]);
        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        return output;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Generator), $"the generator is built at {Generator}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Generator);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "AgentHost.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("AgentHost.sln not found above " + AppContext.BaseDirectory);
    }
}
