using System.Globalization;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// The layout of the supervision table (the activity feed and supervisor guidance): <c>pk</c>/<c>sk</c> strings, one
/// partition per session, <c>pk</c> = <c>SESSION#&lt;id&gt;</c>. The session's summary at <c>sk</c> = <c>LIVE</c> (its JSON in
/// <c>live</c>, a <c>version</c> every append checks and bumps); its events in chunk items at <c>sk</c> =
/// <c>EVENT#&lt;last sequence, 19 digits&gt;</c> (a JSON array in <c>events</c>, <c>first</c> and <c>last</c> sequences);
/// its guidance at <c>sk</c> = <c>GUIDANCE#&lt;id&gt;</c> (the JSON in <c>guidance</c>, <c>consumedAt</c> and
/// <c>consumedByTurn</c> once consumed). GSI <c>ByActivity</c> (<c>gsi1pk</c> = <c>LIVE</c>, <c>gsi1sk</c> = last activity
/// and session) lists sessions; sparse GSI <c>ByContact</c> (<c>contactId</c>, <c>gsi1sk</c>) finds a contact's session.
/// Every item carries the TTL <c>expiresAt</c> (epoch seconds; the retention after its last write).
/// </summary>
public static class DynamoDbSupervisionSchema
{
    /// <summary>The partition key attribute.</summary>
    public const string PartitionKey = "pk";

    /// <summary>The sort key attribute.</summary>
    public const string SortKey = "sk";

    /// <summary>The GSI listing session summaries by last activity.</summary>
    public const string ActivityIndexName = "ByActivity";

    /// <summary>The sparse GSI finding a contact's session summaries by last activity.</summary>
    public const string ContactIndexName = "ByContact";

    /// <summary>The partition key of <see cref="ActivityIndexName"/> (always <see cref="LiveIndexValue"/>).</summary>
    public const string ActivityIndexPartitionKey = "gsi1pk";

    /// <summary>The sort key of both GSIs: the last activity (sortable ISO-8601) and the session id.</summary>
    public const string ActivityIndexSortKey = "gsi1sk";

    /// <summary>The partition key of <see cref="ContactIndexName"/>: the Amazon Connect contact id.</summary>
    public const string ContactAttribute = "contactId";

    /// <summary>The TTL attribute (epoch seconds).</summary>
    public const string TtlAttribute = "expiresAt";

    /// <summary>The <see cref="ActivityIndexPartitionKey"/> value of every session summary.</summary>
    public const string LiveIndexValue = "LIVE";

    internal const string LiveSortKey = "LIVE";
    internal const string EventPrefix = "EVENT#";
    internal const string GuidancePrefix = "GUIDANCE#";

    internal static string SessionPartition(string sessionId) => "SESSION#" + sessionId;

    /// <summary>The sort key of the chunk whose last event has <paramref name="lastSequence"/>: fixed width, so keys sort by number.</summary>
    internal static string EventSortKey(long lastSequence) => EventPrefix + lastSequence.ToString("D19", CultureInfo.InvariantCulture);

    internal static string GuidanceSortKey(string guidanceId) => GuidancePrefix + guidanceId;
}
