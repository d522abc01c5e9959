using System.Diagnostics;
using AgentHost.Testing;

namespace AgentHost.Connect.Lambda.Tests.Support;

/// <summary>
/// Publishes the Connect Lambda once per test run, exactly as the README says
/// (<c>dotnet publish src/Applications/AgentHost.Connect.Lambda -c Release -r linux-x64 -o DIR</c>), and hands out DIR/bootstrap.
/// </summary>
public sealed class PublishedBootstrap : IAsyncLifetime
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "agenthost-connect-bootstrap", Guid.NewGuid().ToString("N"));

    /// <summary>The published executable.</summary>
    public string Path => System.IO.Path.Combine(_folder, "bootstrap");

    /// <summary>How long the publish took (reported by the tests' output).</summary>
    public TimeSpan PublishTime { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var project = System.IO.Path.Combine(RepositoryPaths.Root, "src", "Applications", "AgentHost.Connect.Lambda", "AgentHost.Connect.Lambda.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in new[] { "publish", project, "-c", "Release", "-r", "linux-x64", "-o", _folder, "--nologo", "--disable-build-servers" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        await process.WaitForExitAsync(timeout.Token);
        PublishTime = watch.Elapsed;
        if (process.ExitCode != 0 || !File.Exists(Path))
        {
            throw new InvalidOperationException($"dotnet publish of the Connect Lambda failed (exit {process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }

        return ValueTask.CompletedTask;
    }
}
