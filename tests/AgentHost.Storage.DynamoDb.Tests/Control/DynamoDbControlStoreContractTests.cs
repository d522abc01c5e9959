using AgentHost.Abstractions.Control;
using AgentHost.Testing.Control;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace AgentHost.Storage.DynamoDb.Tests.Control;

/// <summary>Fresh control and audit tables on DynamoDB Local for one test, deleted afterwards.</summary>
public sealed class DynamoDbControlTables : IAsyncDisposable
{
    private DynamoDbControlTables(AmazonDynamoDBClient client, DynamoDbControlStoreOptions options, DynamoDbControlStore store)
    {
        Client = client;
        Options = options;
        Store = store;
    }

    public AmazonDynamoDBClient Client { get; }

    public DynamoDbControlStoreOptions Options { get; }

    public DynamoDbControlStore Store { get; }

    public static async Task<DynamoDbControlTables> CreateAsync(DynamoDbLocalFixture dynamo)
    {
        var client = dynamo.CreateClient();
        var options = DynamoDbControlStoreOptions.ForConversationTable(DynamoDbLocalFixture.NewTableName());
        await new DynamoDbControlTableInitializer(client).CreateTablesIfMissingAsync(options, enablePointInTimeRecovery: false, TestContext.Current.CancellationToken);
        return new DynamoDbControlTables(client, options, new DynamoDbControlStore(client, options));
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DeleteTableAsync(Options.ControlTableName, CancellationToken.None);
        await Client.DeleteTableAsync(Options.AuditTableName, CancellationToken.None);
        Client.Dispose();
    }
}

/// <summary>The approval-store contract on DynamoDB Local.</summary>
public sealed class DynamoDbApprovalStoreContractTests(DynamoDbLocalFixture dynamo) : ApprovalStoreContractTests
{
    private DynamoDbControlTables? _tables;

    protected override async Task<IApprovalStore> CreateStoreAsync() => (_tables = await DynamoDbControlTables.CreateAsync(dynamo)).Store;

    protected override async ValueTask DisposeStoreAsync(IApprovalStore store) => await _tables!.DisposeAsync();
}

/// <summary>The intent-store contract on DynamoDB Local.</summary>
public sealed class DynamoDbToolIntentStoreContractTests(DynamoDbLocalFixture dynamo) : ToolIntentStoreContractTests
{
    private DynamoDbControlTables? _tables;

    protected override async Task<IToolIntentStore> CreateStoreAsync() => (_tables = await DynamoDbControlTables.CreateAsync(dynamo)).Store;

    protected override async ValueTask DisposeStoreAsync(IToolIntentStore store) => await _tables!.DisposeAsync();
}

/// <summary>The control-layer scenarios on DynamoDB Local.</summary>
public sealed class DynamoDbControlScenarioTests(DynamoDbLocalFixture dynamo) : ControlScenarioContractTests
{
    private DynamoDbControlTables? _tables;

    protected override async Task<ControlStores> CreateStoresAsync()
    {
        _tables = await DynamoDbControlTables.CreateAsync(dynamo);
        return new ControlStores(_tables.Store, _tables.Store, _tables.Store);
    }

    protected override async ValueTask DisposeStoresAsync(ControlStores stores) => await _tables!.DisposeAsync();
}

/// <summary>The audit-store contract on DynamoDB Local; tampering uses unconditional PutItem and DeleteItem, which the documented IAM policy denies the runtime.</summary>
public sealed class DynamoDbAuditStoreContractTests(DynamoDbLocalFixture dynamo) : AuditStoreContractTests
{
    private DynamoDbControlTables? _tables;

    protected override async Task<IAuditStore> CreateStoreAsync() => (_tables = await DynamoDbControlTables.CreateAsync(dynamo)).Store;

    protected override async ValueTask DisposeStoreAsync(IAuditStore store) => await _tables!.DisposeAsync();

    protected override Task OverwriteRawAsync(AuditRecord record) =>
        _tables!.Client.PutItemAsync(new PutItemRequest { TableName = _tables.Options.AuditTableName, Item = DynamoDbControlStore.EncodeAuditItem(record) }, TestContext.Current.CancellationToken);

    protected override Task DeleteRawAsync(string sessionId, long sequence) =>
        _tables!.Client.DeleteItemAsync(
            new DeleteItemRequest
            {
                TableName = _tables.Options.AuditTableName,
                Key = new()
                {
                    ["pk"] = new AttributeValue { S = sessionId },
                    ["sk"] = new AttributeValue { N = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                },
            },
            TestContext.Current.CancellationToken);

    [Fact]
    public void ControlTableRequest_Built_HasTheDocumentedKeysAndIndex()
    {
        var control = DynamoDbControlTableInitializer.BuildControlTableRequest("t-control");
        var audit = DynamoDbControlTableInitializer.BuildAuditTableRequest("t-audit");

        Assert.Equal(["pk", "sk"], control.KeySchema.Select(k => k.AttributeName));
        Assert.Equal(DynamoDbControlSchema.CreatedIndexName, Assert.Single(control.GlobalSecondaryIndexes).IndexName);
        Assert.Equal(["pk", "sk"], audit.KeySchema.Select(k => k.AttributeName));
        Assert.Equal(ScalarAttributeType.N, audit.AttributeDefinitions.Single(a => a.AttributeName == "sk").AttributeType);
    }
}
