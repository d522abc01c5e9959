using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Conversations;
using AgentHost.Core.Conversations;
using AgentHost.Hosting.Configuration;
using AgentHost.Storage.DynamoDb;
using AgentHost.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace AgentHost.Hosting.Composition;

/// <summary>Chooses the conversation store: DynamoDB when a table is configured (or required), otherwise SQLite.</summary>
public static class StoreFactory
{
    /// <summary>Returns true when DynamoDB will be used.</summary>
    public static bool UsesDynamoDb(StoreSettings store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.Provider.ToUpperInvariant() switch
        {
            "DYNAMODB" => true,
            "SQLITE" => false,
            _ => !string.IsNullOrWhiteSpace(store.DynamoDbTable),
        };
    }

    /// <summary>Builds the DynamoDB options from the settings (endpoint and region from the standard AWS variables).</summary>
    public static DynamoDbConversationStoreOptions DynamoDbOptions(StoreSettings store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var options = DynamoDbConversationStoreOptions.FromEnvironment(name => name switch
        {
            DynamoDbConversationStoreOptions.TableNameVariable => store.DynamoDbTable,
            DynamoDbConversationStoreOptions.TtlDaysVariable => store.DynamoDbTtlDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            DynamoDbConversationStoreOptions.CreateTableVariable => store.DynamoDbCreateTable ? "true" : "false",
            _ => Environment.GetEnvironmentVariable(name),
        });
        return options ?? throw new InvalidOperationException("A DynamoDB table name is required (AGENTHOST_DYNAMODB_TABLE).");
    }

    /// <summary>Creates the store and describes it.</summary>
    public static (IConversationStore Store, string Description) Create(StoreSettings store, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        if (string.Equals(store.Provider, "memory", StringComparison.OrdinalIgnoreCase))
        {
            return (new InMemoryConversationStore(time), "in memory (conversations are lost when the process ends)");
        }

        // One method per store, so that only the chosen store's assemblies (the AWS SDK, SQLite) are loaded.
        return UsesDynamoDb(store) ? CreateDynamoDb(store, time, loggerFactory) : CreateSqlite(store, time, loggerFactory);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (IConversationStore Store, string Description) CreateDynamoDb(StoreSettings store, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var options = DynamoDbOptions(store);
        var client = DynamoDbClientFactory.Create(options);
        var where = options.ServiceUrl is null ? options.Region ?? "default region" : options.ServiceUrl.ToString();
        return (new DynamoDbConversationStore(client, options, time, loggerFactory.CreateLogger<DynamoDbConversationStore>()), $"DynamoDB table {options.TableName} ({where})");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (IConversationStore Store, string Description) CreateSqlite(StoreSettings store, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var sqlite = new SqliteConversationStoreOptions { DatabasePath = store.SqlitePath };
        var created = new SqliteConversationStore(sqlite, time, loggerFactory.CreateLogger<SqliteConversationStore>());
        return (created, $"SQLite {created.DatabasePath}");
    }
}
