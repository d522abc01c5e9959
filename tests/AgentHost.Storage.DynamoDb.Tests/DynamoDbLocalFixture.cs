using AgentHost.Storage.DynamoDb;
using AgentHost.Testing.Storage;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

[assembly: AssemblyFixture(typeof(AgentHost.Storage.DynamoDb.Tests.DynamoDbLocalFixture))]

namespace AgentHost.Storage.DynamoDb.Tests;

/// <summary>One DynamoDB Local process for the whole test assembly, plus helpers to create clients and tables.</summary>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    private DynamoDbLocalServer? _server;

    public Uri ServiceUrl => (_server ?? throw new InvalidOperationException("DynamoDB Local is not running.")).ServiceUrl;

    public async ValueTask InitializeAsync() => _server = await DynamoDbLocalServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public DynamoDbConversationStoreOptions Options(string tableName, int ttlDays = 30) => new()
    {
        TableName = tableName,
        TtlDays = ttlDays,
        Region = "us-east-1",
        ServiceUrl = ServiceUrl,
    };

    public AmazonDynamoDBClient CreateClient(CountingHttpClientFactory? counter = null, int? maxErrorRetry = null) =>
        DynamoDbClientFactory.Create(Options("unused"), new BasicAWSCredentials("fake", "fake"), config =>
        {
            if (counter is not null)
            {
                config.HttpClientFactory = counter;
            }

            if (maxErrorRetry is { } retries)
            {
                config.MaxErrorRetry = retries;
            }
        });

    public static string NewTableName() => "agenthost-test-" + Guid.NewGuid().ToString("N");

    public async Task<string> CreateTableAsync(IAmazonDynamoDB client)
    {
        var table = NewTableName();
        await new DynamoDbTableInitializer(client).CreateTableIfMissingAsync(table, cancellationToken: TestContext.Current.CancellationToken);
        return table;
    }
}
