using AgentHost.Abstractions.Conversations;
using AgentHost.Storage.Sqlite;
using AgentHost.Testing.Storage;

namespace AgentHost.Storage.Sqlite.Tests;

/// <summary>The conversation-store contract, run against a fresh SQLite file per test.</summary>
public sealed class SqliteConversationStoreContractTests : ConversationStoreContractTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agenthost-sqlite-tests", Guid.NewGuid().ToString("N"));

    protected override Task<IConversationStore> CreateStoreAsync(TimeProvider clock) =>
        Task.FromResult<IConversationStore>(new SqliteConversationStore(
            new SqliteConversationStoreOptions { DatabasePath = Path.Combine(_folder, "nested", "store.db") },
            clock));

    protected override async ValueTask DisposeStoreAsync(IConversationStore store)
    {
        await base.DisposeStoreAsync(store);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind does not matter.
        }
    }
}
