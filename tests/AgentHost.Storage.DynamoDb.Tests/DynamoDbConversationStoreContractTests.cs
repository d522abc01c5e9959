using AgentHost.Abstractions.Conversations;
using AgentHost.Testing.Storage;
using Amazon.DynamoDBv2;

namespace AgentHost.Storage.DynamoDb.Tests;

/// <summary>The conversation-store contract, run against DynamoDB Local with a fresh table per test.</summary>
public sealed class DynamoDbConversationStoreContractTests(DynamoDbLocalFixture dynamo) : ConversationStoreContractTests
{
    private AmazonDynamoDBClient? _client;
    private string? _table;

    protected override async Task<IConversationStore> CreateStoreAsync(TimeProvider clock)
    {
        _client = dynamo.CreateClient();
        _table = await dynamo.CreateTableAsync(_client);
        return new DynamoDbConversationStore(_client, dynamo.Options(_table), clock);
    }

    protected override async ValueTask DisposeStoreAsync(IConversationStore store)
    {
        if (_client is not null)
        {
            await _client.DeleteTableAsync(_table, CancellationToken.None);
            _client.Dispose();
        }
    }
}
