using Amazon.DynamoDBv2.Model;

namespace AgentHost.Storage.DynamoDb;

/// <summary>The items one turn is written as: the turn item and, for an oversized turn, the chunks of its full messages.</summary>
internal sealed record EncodedTurn(
    Dictionary<string, AttributeValue> TurnItem,
    IReadOnlyList<Dictionary<string, AttributeValue>> ChunkItems,
    int TruncatedContents,
    int CompressedBytes);
