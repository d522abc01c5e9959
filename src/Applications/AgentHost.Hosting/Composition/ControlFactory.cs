using System.Runtime.CompilerServices;
using AgentHost.Control;
using AgentHost.Control.Policy;
using AgentHost.Control.Stores;
using AgentHost.Hosting.Configuration;
using AgentHost.Storage.DynamoDb;
using AgentHost.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace AgentHost.Hosting.Composition;

/// <summary>
/// Builds the control layer from the settings: the policy (the file, else the shipped default; read-only mode; the timeout
/// setting) and the stores, which follow the conversation store (in memory, SQLite in a file next to the conversations, or the DynamoDB
/// control and audit tables next to the conversation table).
/// </summary>
public static class ControlFactory
{
    /// <summary>Loads the policy the settings name.</summary>
    /// <exception cref="PolicyFileException">The policy file is invalid.</exception>
    public static ToolPolicy LoadPolicy(ControlSettings control)
    {
        ArgumentNullException.ThrowIfNull(control);
        var policy = string.IsNullOrWhiteSpace(control.PolicyFile)
            ? PolicyLoader.LoadDefault(control.ReadOnly)
            : PolicyLoader.LoadFile(Path.GetFullPath(control.PolicyFile), control.ReadOnly);
        return control.ApprovalTimeoutSeconds is { } seconds
            ? new ToolPolicy(policy.Rules, TimeSpan.FromSeconds(seconds), policy.Source, policy.ReadOnlyMode)
            : policy;
    }

    /// <summary>The DynamoDB control and audit table names for these settings.</summary>
    public static DynamoDbControlStoreOptions DynamoDbOptions(AgentHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var table = settings.Store.DynamoDbTable ?? throw new InvalidOperationException("A DynamoDB table name is required (AGENTHOST_DYNAMODB_TABLE).");
        return DynamoDbControlStoreOptions.ForConversationTable(table, settings.Control.DynamoDbControlTable, settings.Control.DynamoDbAuditTable);
    }

    /// <summary>Creates the layer and describes it.</summary>
    public static ControlRegistration Create(AgentHostSettings settings, TimeProvider time, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var policy = LoadPolicy(settings.Control);
        var options = new ControlOptions
        {
            ClaimLease = TimeSpan.FromSeconds(settings.Control.ClaimLeaseSeconds),
            CustomerMessage = string.IsNullOrWhiteSpace(settings.Control.ApprovalMessage) ? ControlOptions.DefaultCustomerMessage : settings.Control.ApprovalMessage,
        };
        var what = $"policy {policy.Source} ({policy.Rules.Count} rules{(policy.ReadOnlyMode ? ", read-only mode" : string.Empty)})";
        if (string.Equals(settings.Store.Provider, "memory", StringComparison.OrdinalIgnoreCase))
        {
            var layer = new ControlLayer(policy, new InMemoryApprovalStore(), new InMemoryToolIntentStore(), new InMemoryAuditStore(), options, time, loggerFactory);
            return new ControlRegistration(layer, $"{what}; approvals, intents and audit in memory (lost on restart; the CLI cannot decide approvals)");
        }

        // One method per store, so that only the chosen store's assemblies are loaded.
        return StoreFactory.UsesDynamoDb(settings.Store)
            ? CreateDynamoDb(settings, policy, options, what, time, loggerFactory)
            : CreateSqlite(settings, policy, options, what, time, loggerFactory);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ControlRegistration CreateDynamoDb(AgentHostSettings settings, ToolPolicy policy, ControlOptions options, string what, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var tables = DynamoDbOptions(settings);
        var client = DynamoDbClientFactory.Create(StoreFactory.DynamoDbOptions(settings.Store));
        var store = new DynamoDbControlStore(client, tables, time, loggerFactory.CreateLogger<DynamoDbControlStore>());
        var layer = new ControlLayer(policy, store, store, store, options, time, loggerFactory);
        return new ControlRegistration(layer, $"{what}; DynamoDB tables {tables.ControlTableName} and {tables.AuditTableName}", client);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ControlRegistration CreateSqlite(AgentHostSettings settings, ToolPolicy policy, ControlOptions options, string what, TimeProvider time, ILoggerFactory loggerFactory)
    {
        var path = string.IsNullOrWhiteSpace(settings.Control.SqlitePath) ? SqliteControlStore.DefaultPathFor(settings.Store.SqlitePath) : settings.Control.SqlitePath;
        var store = new SqliteControlStore(new SqliteConversationStoreOptions { DatabasePath = path }, loggerFactory.CreateLogger<SqliteControlStore>());
        var layer = new ControlLayer(policy, store, store, store, options, time, loggerFactory);
        return new ControlRegistration(layer, $"{what}; SQLite {store.DatabasePath}", store);
    }
}
