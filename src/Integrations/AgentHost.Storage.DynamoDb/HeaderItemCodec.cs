using AgentHost.Abstractions.Conversations;
using Amazon.DynamoDBv2.Model;
using static AgentHost.Storage.DynamoDb.AttributeValues;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// The session header item: <c>createdAt</c>, <c>updatedAt</c>, <c>turnCount</c>, <c>gsi1pk</c> (the status),
/// <c>channel</c>, <c>contactId</c>, <c>customerId</c>, one <c>attr#&lt;key&gt;</c> attribute per custom attribute, and <c>expiresAt</c>.
/// Metadata is written as separate attributes so a merge is a plain UpdateItem (no read-modify-write).
/// </summary>
internal static class HeaderItemCodec
{
    public const string CreatedAt = "createdAt";
    public const string TurnCount = "turnCount";
    public const string Channel = "channel";
    public const string ContactId = "contactId";
    public const string CustomerId = "customerId";
    public const string AttributePrefix = "attr#";

    public static SessionHeader Decode(Dictionary<string, AttributeValue> item)
    {
        Dictionary<string, string>? attributes = null;
        foreach (var pair in item)
        {
            if (pair.Key.StartsWith(AttributePrefix, StringComparison.Ordinal) && pair.Value.S is { } value)
            {
                attributes ??= new Dictionary<string, string>(StringComparer.Ordinal);
                attributes[pair.Key[AttributePrefix.Length..]] = value;
            }
        }

        return new SessionHeader(
            GetRequiredS(item, DynamoDbTableSchema.PartitionKey),
            ParseIso(GetRequiredS(item, CreatedAt)),
            ParseIso(GetRequiredS(item, DynamoDbTableSchema.StatusIndexSortKey)),
            GetN(item, TurnCount) ?? 0,
            new SessionMetadata
            {
                Channel = GetS(item, Channel),
                ContactId = GetS(item, ContactId),
                CustomerId = GetS(item, CustomerId),
                Status = GetS(item, DynamoDbTableSchema.StatusIndexPartitionKey),
                Attributes = attributes,
            });
    }

    /// <summary>Adds <c>SET</c> clauses for the non-null members of <paramref name="metadata"/>.</summary>
    public static void AddMetadata(UpdateExpressionBuilder update, SessionMetadata? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        update.SetIfNotNull(Channel, metadata.Channel);
        update.SetIfNotNull(ContactId, metadata.ContactId);
        update.SetIfNotNull(CustomerId, metadata.CustomerId);
        update.SetIfNotNull(DynamoDbTableSchema.StatusIndexPartitionKey, metadata.Status);
        foreach (var pair in metadata.Attributes ?? new Dictionary<string, string>())
        {
            update.Set(AttributePrefix + pair.Key, S(pair.Value));
        }
    }
}
