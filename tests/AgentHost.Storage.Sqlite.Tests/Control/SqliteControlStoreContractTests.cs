using AgentHost.Abstractions.Control;
using AgentHost.Testing.Control;
using Microsoft.Data.Sqlite;

namespace AgentHost.Storage.Sqlite.Tests.Control;

/// <summary>The approval-store contract on SQLite.</summary>
public sealed class SqliteApprovalStoreContractTests : ApprovalStoreContractTests, IDisposable
{
    private readonly TestDatabase _database = new();
    private SqliteControlStore? _store;

    protected override Task<IApprovalStore> CreateStoreAsync() => Task.FromResult<IApprovalStore>(_store = new SqliteControlStore(new SqliteConversationStoreOptions { DatabasePath = _database.FilePath }));

    public void Dispose()
    {
        _store?.Dispose();
        _database.Dispose();
    }
}

/// <summary>The intent-store contract on SQLite.</summary>
public sealed class SqliteToolIntentStoreContractTests : ToolIntentStoreContractTests, IDisposable
{
    private readonly TestDatabase _database = new();
    private SqliteControlStore? _store;

    protected override Task<IToolIntentStore> CreateStoreAsync() => Task.FromResult<IToolIntentStore>(_store = new SqliteControlStore(new SqliteConversationStoreOptions { DatabasePath = _database.FilePath }));

    public void Dispose()
    {
        _store?.Dispose();
        _database.Dispose();
    }
}

/// <summary>The control-layer scenarios on SQLite (the conversation store and the control store share the file).</summary>
public sealed class SqliteControlScenarioTests : ControlScenarioContractTests, IDisposable
{
    private readonly TestDatabase _database = new();
    private SqliteControlStore? _store;

    protected override Task<ControlStores> CreateStoresAsync()
    {
        _store = new SqliteControlStore(new SqliteConversationStoreOptions { DatabasePath = _database.FilePath });
        return Task.FromResult(new ControlStores(_store, _store, _store));
    }

    public void Dispose()
    {
        _store?.Dispose();
        _database.Dispose();
    }
}

/// <summary>The audit-store contract on SQLite; tampering drops the append-only triggers first, as an attacker with file access could.</summary>
public sealed class SqliteAuditStoreContractTests : AuditStoreContractTests, IDisposable
{
    private readonly TestDatabase _database = new();
    private SqliteControlStore? _store;

    protected override Task<IAuditStore> CreateStoreAsync() => Task.FromResult<IAuditStore>(_store = new SqliteControlStore(new SqliteConversationStoreOptions { DatabasePath = _database.FilePath }));

    protected override Task OverwriteRawAsync(AuditRecord record)
    {
        using var connection = OpenWithoutTriggers();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT OR REPLACE INTO audit_records (session_id, sequence, hash, record) VALUES ($s, $q, $h, $r)";
        command.Parameters.AddWithValue("$s", record.SessionId);
        command.Parameters.AddWithValue("$q", record.Sequence);
        command.Parameters.AddWithValue("$h", record.Hash);
        command.Parameters.AddWithValue("$r", SqliteControlStore.EncodeAuditRecord(record));
        command.ExecuteNonQuery();
        return Task.CompletedTask;
    }

    protected override Task DeleteRawAsync(string sessionId, long sequence)
    {
        using var connection = OpenWithoutTriggers();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM audit_records WHERE session_id = $s AND sequence = $q";
        command.Parameters.AddWithValue("$s", sessionId);
        command.Parameters.AddWithValue("$q", sequence);
        Assert.Equal(1, command.ExecuteNonQuery());
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AuditRecords_UpdateDeleteOrReplaceThroughSql_AreRejectedByTheTriggersAsync()
    {
        var session = "s-" + Guid.NewGuid().ToString("N");
        await new AgentHost.Control.Audit.AuditTrail(Store).AppendAsync(new AuditEntry { SessionId = session, Kind = AuditRecordKinds.ToolCallAttempt, Actor = "agent" }, TestContext.Current.CancellationToken);
        using var connection = _database.OpenRawConnection();

        void Run(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$s", session);
            var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());
            Assert.Matches("append-only|audit chain moved", error.Message);
        }

        Run("UPDATE audit_records SET record = x'00' WHERE session_id = $s");
        Run("DELETE FROM audit_records WHERE session_id = $s");
        Run("INSERT OR REPLACE INTO audit_records (session_id, sequence, hash, record) VALUES ($s, 1, 'h', x'00')");
        Assert.True((await AgentHost.Control.Audit.AuditVerifier.VerifyAsync(Store, session, TestContext.Current.CancellationToken)).IsValid);
    }

    public void Dispose()
    {
        _store?.Dispose();
        _database.Dispose();
    }

    private SqliteConnection OpenWithoutTriggers()
    {
        var connection = _database.OpenRawConnection();
        using var drop = connection.CreateCommand();
        drop.CommandText = "DROP TRIGGER IF EXISTS audit_records_no_update; DROP TRIGGER IF EXISTS audit_records_no_delete; DROP TRIGGER IF EXISTS audit_records_no_overwrite; DROP TRIGGER IF EXISTS audit_records_chain; DROP TRIGGER IF EXISTS audit_records_head;";
        drop.ExecuteNonQuery();
        return connection;
    }
}
