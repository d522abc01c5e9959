using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using AgentHost.Storage.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Hosting.Tests.Composition;

/// <summary>The supervision stores follow the conversation store: the DynamoDB supervision table next to the conversation table, SQLite next to the database.</summary>
public sealed class SupervisionCompositionTests
{
    [Fact]
    public void DynamoDbOptions_ConversationTable_NamesTheSupervisionTableAndTakesTheRetentionAsTtl()
    {
        var settings = Load(new() { ["AGENTHOST_DYNAMODB_TABLE"] = "chat", ["AGENTHOST_SUPERVISOR_RETENTION_HOURS"] = "5" });

        var options = SupervisionFactory.DynamoDbOptions(settings);

        Assert.Equal("chat-supervisor", options.TableName);
        Assert.Equal(TimeSpan.FromHours(5), options.Retention);
    }

    [Fact]
    public void DynamoDbOptions_ExplicitTable_IsUsed()
    {
        var settings = Load(new() { ["AGENTHOST_DYNAMODB_TABLE"] = "chat", ["AGENTHOST_DYNAMODB_SUPERVISOR_TABLE"] = "live-feed" });

        Assert.Equal("live-feed", SupervisionFactory.DynamoDbOptions(settings).TableName);
    }

    [Fact]
    public void CreateStores_SqliteStore_OpensTheFileNextToTheConversations()
    {
        var folder = Path.Combine(Path.GetTempPath(), "agenthost-supervision-composition", Guid.NewGuid().ToString("N"));
        var settings = Load(new() { ["AGENTHOST_SQLITE_PATH"] = Path.Combine(folder, "agenthost.db") });

        using var stores = SupervisionFactory.CreateStores(settings, NullLoggerFactory.Instance);

        Assert.Equal(Path.Combine(folder, "agenthost.supervisor.db"), Assert.IsType<SqliteSupervisionStore>(stores.Feed).DatabasePath);
    }

    private static AgentHostSettings Load(Dictionary<string, string> environment) =>
        AgentHostSettingsLoader.Load(AgentHostConfiguration.Build(environment: environment));
}
