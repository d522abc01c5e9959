using System.Diagnostics;
using System.Globalization;
using AgentHost.Abstractions.Conversations;
using AgentHost.Storage.Sqlite;
using AgentHost.Testing.Storage;

namespace AgentHost.Storage.Benchmarks;

/// <summary>
/// The SQLite store under the host benchmark's request pattern: every request is a new session that is loaded (nothing
/// found) and then gets its first turn. Prints wall-clock and process CPU time per request, per load and per append,
/// sequentially and with several concurrent tasks, plus the window load of a 1,000-turn session. Asserts nothing.
/// </summary>
internal static class SqliteStoreBenchmark
{
    private const int Window = 20;

    public static async Task RunAsync(int requests, int concurrency)
    {
        var folder = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        var path = Path.Combine(folder, $"agenthost-storage-bench-{Environment.ProcessId}.db");
        try
        {
            using var store = new SqliteConversationStore(new SqliteConversationStoreOptions { DatabasePath = path });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SQLite store at {path}; {Environment.ProcessorCount} CPUs; request = LoadAsync(new session, {Window}) + AppendTurnAsync(turn 1)"));
            await RequestsAsync(store, requests / 5, 1, print: false);
            await SplitAsync(store, requests);
            await RequestsAsync(store, requests, 1, print: true);
            await RequestsAsync(store, requests, concurrency, print: true);
            await LoadWindowAsync(store, requests);
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }

    private static async Task SplitAsync(SqliteConversationStore store, int requests)
    {
        var sessions = Enumerable.Range(0, requests).Select(_ => StoreTestData.NewSessionId()).ToArray();
        var (loadWall, loadCpu) = await MeasureAsync(async () =>
        {
            foreach (var session in sessions)
            {
                await store.LoadAsync(session, Window);
            }
        });
        var (appendWall, appendCpu) = await MeasureAsync(async () =>
        {
            foreach (var session in sessions)
            {
                await store.AppendTurnAsync(StoreTestData.Turn(session, 1));
            }
        });
        Print($"load (new session), 1 task", requests, loadWall, loadCpu);
        Print($"append (turn 1), 1 task", requests, appendWall, appendCpu);
    }

    private static async Task RequestsAsync(SqliteConversationStore store, int requests, int concurrency, bool print)
    {
        var perTask = requests / concurrency;
        var (wall, cpu) = await MeasureAsync(() => Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perTask; i++)
            {
                var session = StoreTestData.NewSessionId();
                var snapshot = await store.LoadAsync(session, Window);
                await store.AppendTurnAsync(StoreTestData.Turn(session, snapshot.NextSequence));
            }
        }))));
        if (print)
        {
            Print($"request (load + append), {concurrency} task(s)", perTask * concurrency, wall, cpu);
        }
    }

    private static async Task LoadWindowAsync(SqliteConversationStore store, int requests)
    {
        var session = StoreTestData.NewSessionId();
        for (var sequence = 1; sequence <= 1000; sequence++)
        {
            await store.AppendTurnAsync(StoreTestData.Turn(session, sequence));
        }

        var (wall, cpu) = await MeasureAsync(async () =>
        {
            for (var i = 0; i < requests; i++)
            {
                var snapshot = await store.LoadAsync(session, Window);
                if (snapshot.RecentTurns.Count != Window)
                {
                    throw new InvalidOperationException("The load returned an unexpected window.");
                }
            }
        });
        Print($"load window of {Window} from a 1,000-turn session", requests, wall, cpu);
    }

    private static async Task<(TimeSpan Wall, TimeSpan Cpu)> MeasureAsync(Func<Task> run)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await run();
        var wall = watch.Elapsed;
        process.Refresh();
        return (wall, process.TotalProcessorTime - cpuBefore);
    }

    private static void Print(string what, int operations, TimeSpan wall, TimeSpan cpu) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-52} {operations,6} ops  {wall.TotalMicroseconds / operations,8:F1} µs wall/op  {cpu.TotalMicroseconds / operations,8:F1} µs CPU/op  {operations / wall.TotalSeconds,8:F0} ops/s"));
}
