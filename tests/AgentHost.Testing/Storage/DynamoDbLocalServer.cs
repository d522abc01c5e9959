using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AgentHost.Testing.Storage;

/// <summary>
/// Starts DynamoDB Local (installed by tests/setup/dynamodb-local.sh into &lt;repo&gt;/.tools/dynamodb-local/current)
/// in memory on a free port of 127.0.0.1, and stops it on dispose.
/// </summary>
public sealed class DynamoDbLocalServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private DynamoDbLocalServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public Uri ServiceUrl => new($"http://127.0.0.1:{Port}");

    /// <summary>The folder holding DynamoDBLocal.jar: <c>AGENTHOST_DYNAMODB_LOCAL_DIR</c>, else &lt;repo&gt;/.tools/dynamodb-local/current.</summary>
    public static string InstallFolder =>
        Environment.GetEnvironmentVariable("AGENTHOST_DYNAMODB_LOCAL_DIR") is { Length: > 0 } folder
            ? folder
            : Path.Combine(FindRepositoryRoot(), ".tools", "dynamodb-local", "current");

    public static async Task<DynamoDbLocalServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var folder = InstallFolder;
        var jar = Path.Combine(folder, "DynamoDBLocal.jar");
        if (!File.Exists(jar))
        {
            throw new InvalidOperationException(
                $"DynamoDB Local is not installed ({jar} is missing). Run tests/setup/dynamodb-local.sh (tests/run.sh runs it for you).");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("java")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-Xms64m", "-Xmx512m", $"-Djava.library.path={Path.Combine(folder, "DynamoDBLocal_lib")}", "-jar", jar, "-inMemory", "-sharedDb", "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("java did not start.");
        var server = new DynamoDbLocalServer(process, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AgentHost.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No AgentHost.sln above {AppContext.BaseDirectory}.");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                break;
            }

            try
            {
                // Any HTTP answer (DynamoDB Local answers 400 to an unsigned request) means it is listening.
                using var response = await http.PostAsync(ServiceUrl, new StringContent("{}"), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        string output;
        lock (_output)
        {
            output = _output.ToString();
        }

        throw new InvalidOperationException($"DynamoDB Local did not start on port {Port} (exited: {_process.HasExited}). Its output:\n{output}");
    }
}
