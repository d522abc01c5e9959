using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Conversations;
using AgentHost.Hosting.Configuration;
using AgentHost.Storage.DynamoDb;
using AgentHost.Storage.Sqlite;
using AgentHost.Supervision;
using AgentHost.Supervision.Stores;
using Microsoft.Extensions.Logging;

namespace AgentHost.Hosting.Composition;

/// <summary>
/// Builds the supervision stores and layer from the settings. The stores follow the conversation store: in memory, SQLite
/// in a file next to the conversations (<c>agenthost.supervisor.db</c>), or the DynamoDB supervision table next to the
/// conversation table. The runtime, the console and the CLI open the same stores from the same settings.
/// </summary>
public static class SupervisionFactory
{
    /// <summary>The options for these settings.</summary>
    public static SupervisionOptions Options(SupervisorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new SupervisionOptions
        {
            FlushInterval = TimeSpan.FromMilliseconds(settings.FlushIntervalMs),
            MaxEventsPerTurn = settings.MaxEventsPerTurn,
            GuidanceCacheDuration = TimeSpan.FromMilliseconds(settings.GuidanceCacheMs),
        };
    }

    /// <summary>The SQLite file of the supervision store for these settings.</summary>
    public static string SqlitePath(AgentHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return string.IsNullOrWhiteSpace(settings.Supervisor.SqlitePath) ? SqliteSupervisionStore.DefaultPathFor(settings.Store.SqlitePath) : settings.Supervisor.SqlitePath;
    }

    /// <summary>The DynamoDB supervision table and retention for these settings.</summary>
    public static DynamoDbSupervisionStoreOptions DynamoDbOptions(AgentHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var table = settings.Store.DynamoDbTable ?? throw new InvalidOperationException("A DynamoDB table name is required (AGENTHOST_DYNAMODB_TABLE).");
        var options = DynamoDbSupervisionStoreOptions.ForConversationTable(table, settings.Supervisor.DynamoDbTable);
        options.Retention = TimeSpan.FromHours(settings.Supervisor.RetentionHours);
        return options;
    }

    /// <summary>Opens the stores the settings name.</summary>
    public static SupervisionRegistration CreateStores(AgentHostSettings settings, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (string.Equals(settings.Store.Provider, "memory", StringComparison.OrdinalIgnoreCase))
        {
            var memory = new InMemorySupervisionStore();
            return new SupervisionRegistration(memory, memory, "activity feed and guidance in memory (a console in another process cannot see them)");
        }

        return StoreFactory.UsesDynamoDb(settings.Store) ? CreateDynamoDb(settings, loggerFactory) : CreateSqlite(settings, loggerFactory);
    }

    /// <summary>Composes the layer over the stores, the conversation store and the control layer (when enabled).</summary>
    public static SupervisionLayer CreateLayer(SupervisionRegistration stores, AgentHostSettings settings, IConversationStore? conversations, IAuditTrail? audit, IApprovalService? approvals, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(settings);
        return new SupervisionLayer(stores.Feed, stores.Guidance, conversations, audit, approvals, Options(settings.Supervisor), time, loggerFactory);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SupervisionRegistration CreateSqlite(AgentHostSettings settings, ILoggerFactory loggerFactory)
    {
        var store = new SqliteSupervisionStore(new SqliteConversationStoreOptions { DatabasePath = SqlitePath(settings) }, loggerFactory.CreateLogger<SqliteSupervisionStore>());
        return new SupervisionRegistration(store, store, $"activity feed and guidance in SQLite {store.DatabasePath}", store);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SupervisionRegistration CreateDynamoDb(AgentHostSettings settings, ILoggerFactory loggerFactory)
    {
        var options = DynamoDbOptions(settings);
        var client = DynamoDbClientFactory.Create(StoreFactory.DynamoDbOptions(settings.Store));
        var store = new DynamoDbSupervisionStore(client, options, TimeProvider.System, loggerFactory.CreateLogger<DynamoDbSupervisionStore>());
        return new SupervisionRegistration(store, store, $"activity feed and guidance in DynamoDB table {options.TableName} (TTL {settings.Supervisor.RetentionHours} h)", client);
    }
}
