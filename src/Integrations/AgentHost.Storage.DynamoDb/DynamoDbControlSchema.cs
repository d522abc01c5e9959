using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AgentHost.Abstractions.Control;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// The layout of the control store's two tables. Control table: <c>pk</c>/<c>sk</c> strings; approval requests at
/// <c>APPROVAL#&lt;id&gt;</c>/<c>APPROVAL</c> (GSI <c>ByCreated</c>: <c>gsi1pk</c> = <c>APPROVAL</c>, <c>gsi1sk</c> = created
/// time and id), tool intents at <c>INTENT#&lt;session&gt;</c>/<c>&lt;hash of the intent key&gt;</c>, audit heads at
/// <c>AUDITHEAD#&lt;session&gt;</c>/<c>HEAD</c>; TTL on <c>expiresAt</c> (intents only). Audit table: <c>pk</c> = session id
/// (string), <c>sk</c> = sequence (number), the record's JSON in <c>record</c>.
/// </summary>
public static class DynamoDbControlSchema
{
    /// <summary>The partition key attribute of both tables.</summary>
    public const string PartitionKey = "pk";

    /// <summary>The sort key attribute (string in the control table, number in the audit table).</summary>
    public const string SortKey = "sk";

    /// <summary>The GSI of approval requests by creation time.</summary>
    public const string CreatedIndexName = "ByCreated";

    /// <summary>The GSI partition key attribute.</summary>
    public const string CreatedIndexPartitionKey = "gsi1pk";

    /// <summary>The GSI sort key attribute.</summary>
    public const string CreatedIndexSortKey = "gsi1sk";

    /// <summary>The TTL attribute of the control table (epoch seconds).</summary>
    public const string TtlAttribute = "expiresAt";

    /// <summary>The GSI partition value of every approval request.</summary>
    public const string ApprovalIndexValue = "APPROVAL";

    internal const string ApprovalSortKey = "APPROVAL";
    internal const string HeadSortKey = "HEAD";

    internal static string ApprovalPartition(string id) => "APPROVAL#" + id;

    internal static string IntentPartition(string sessionId) => "INTENT#" + sessionId;

    internal static string HeadPartition(string sessionId) => "AUDITHEAD#" + sessionId;

    /// <summary>The intent's sort key: a hash of its key's parts, so that no separator inside a turn id can make two keys collide.</summary>
    internal static string IntentSortKey(ToolIntentKey key)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{key.Scope}\n{key.ToolName}\n{key.ArgumentsHash}\n{key.Occurrence}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
