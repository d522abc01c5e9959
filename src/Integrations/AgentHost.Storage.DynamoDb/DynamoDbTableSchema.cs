using System.Globalization;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// The single-table layout. Partition key <c>pk</c> = session id; sort key <c>sk</c>:
/// <c>SESSION</c> (the header), <c>TURN#000000000042</c> (a turn), <c>TURNID#&lt;turn id&gt;</c> (idempotency key → sequence),
/// <c>FULL#000000000042#0001</c> (chunks of a turn too large for the prompt copy). GSI <c>BySessionStatus</c>:
/// partition key <c>gsi1pk</c> = status, sort key <c>updatedAt</c> (ISO-8601 UTC), set on header items only.
/// TTL attribute <c>expiresAt</c> (epoch seconds).
/// </summary>
public static class DynamoDbTableSchema
{
    /// <summary>The partition key attribute (string): the session id.</summary>
    public const string PartitionKey = "pk";

    /// <summary>The sort key attribute (string).</summary>
    public const string SortKey = "sk";

    /// <summary>The sort key of the session header item.</summary>
    public const string HeaderSortKey = "SESSION";

    /// <summary>The sort key prefix of turn items.</summary>
    public const string TurnPrefix = "TURN#";

    /// <summary>The sort key prefix of idempotency items.</summary>
    public const string TurnIdPrefix = "TURNID#";

    /// <summary>The sort key prefix of full-content chunk items.</summary>
    public const string FullPrefix = "FULL#";

    /// <summary>The status GSI.</summary>
    public const string StatusIndexName = "BySessionStatus";

    /// <summary>The status GSI partition key attribute (string): the session status.</summary>
    public const string StatusIndexPartitionKey = "gsi1pk";

    /// <summary>The status GSI sort key attribute (string, ISO-8601 UTC): when the session was last updated.</summary>
    public const string StatusIndexSortKey = "updatedAt";

    /// <summary>The TTL attribute (number, epoch seconds).</summary>
    public const string TtlAttribute = "expiresAt";

    /// <summary>The sort key of turn <paramref name="sequence"/>.</summary>
    public static string TurnSortKey(long sequence) => TurnPrefix + sequence.ToString("D12", CultureInfo.InvariantCulture);

    /// <summary>The sort key of the idempotency item of <paramref name="turnId"/>.</summary>
    public static string TurnIdSortKey(string turnId) => TurnIdPrefix + turnId;

    /// <summary>The sort key prefix of the chunks of turn <paramref name="sequence"/>.</summary>
    public static string FullPrefixOf(long sequence) => FullPrefix + sequence.ToString("D12", CultureInfo.InvariantCulture) + "#";
}
