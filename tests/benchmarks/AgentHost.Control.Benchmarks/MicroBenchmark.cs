using System.Diagnostics;
using AgentHost.Abstractions.Control;
using AgentHost.Control.Audit;
using AgentHost.Storage.Sqlite;

namespace AgentHost.Control.Benchmarks;

/// <summary>The cost of each control-store operation on SQLite alone (CPU and wall per operation).</summary>
internal static class MicroBenchmark
{
    public static async Task RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "agenthost-control-micro", Guid.NewGuid().ToString("N"));
        using var store = new SqliteControlStore(new SqliteConversationStoreOptions { DatabasePath = Path.Combine(folder, "micro.db") });
        var trail = new AuditTrail(store);
        await trail.AppendAsync(new AuditEntry { SessionId = "warm", Kind = "k", Actor = "a" });
        const int Count = 2000;
        await MeasureAsync("audit append (new session each)", Count, i => trail.AppendAsync(new AuditEntry { SessionId = $"s{i}", Kind = AuditRecordKinds.PolicyDecision, Actor = "policy", ToolName = "t", ArgumentsHash = new string('a', 64), Summary = "x=1" }));
        await MeasureAsync("audit append (same session)", Count, i => trail.AppendAsync(new AuditEntry { SessionId = "one", Kind = AuditRecordKinds.ToolResult, Actor = "agent", ToolName = "t", ArgumentsHash = new string('a', 64), Summary = "x=1" }));
        var memory = new AuditTrail(new AgentHost.Control.Stores.InMemoryAuditStore());
        await MeasureAsync("audit append, in-memory store (hashing, JSON, chain logic)", Count, i => memory.AppendAsync(new AuditEntry { SessionId = "one", Kind = AuditRecordKinds.ToolResult, Actor = "agent", ToolName = "t", ArgumentsHash = new string('a', 64), Summary = "x=1" }));
        await MeasureAsync("seal + JSON only", Count, i =>
        {
            var record = AuditChain.Seal(new AuditEntry { SessionId = "one", Kind = AuditRecordKinds.ToolResult, Actor = "agent", ToolName = "t", ArgumentsHash = new string('a', 64), Summary = "x=1" }, i + 1, DateTimeOffset.UtcNow, AuditChain.GenesisHash);
            _ = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(record, ControlJsonContext.Default.AuditRecord);
            return Task.CompletedTask;
        });
        await MeasureAsync("intent begin", Count, i => store.BeginAsync(new ToolIntent { Key = new ToolIntentKey($"s{i}", "turn", "t", new string('a', 64), 1), TurnId = "turn", CallId = "c", CreatedAt = DateTimeOffset.UtcNow }));
        await MeasureAsync("intent complete", Count, i => store.CompleteAsync(new ToolIntentKey($"s{i}", "turn", "t", new string('a', 64), 1), new ToolIntentOutcome { Status = Abstractions.Agents.ToolCallStatus.Success, Result = "\"ok\"", ResultHash = new string('b', 64), CompletedAt = DateTimeOffset.UtcNow }));
        Directory.Delete(folder, recursive: true);
    }

    private static async Task MeasureAsync(string name, int count, Func<int, Task> operation)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await operation(i);
        }

        clock.Stop();
        process.Refresh();
        Console.WriteLine($"{name}: {(process.TotalProcessorTime - cpu).TotalMilliseconds * 1000 / count:0} us CPU, {clock.Elapsed.TotalMilliseconds * 1000 / count:0} us wall per operation");
    }
}
