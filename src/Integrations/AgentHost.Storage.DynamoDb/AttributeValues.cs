using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Small helpers to build and read attribute values.</summary>
internal static class AttributeValues
{
    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue B(byte[] value) => new() { B = new MemoryStream(value, writable: false) };

    /// <summary>A fixed-width, sortable ISO-8601 UTC instant with full tick precision.</summary>
    public static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString(IsoFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseIso(string value) =>
        new(DateTime.SpecifyKind(DateTime.ParseExact(value, IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), DateTimeKind.Utc));

    public static Dictionary<string, AttributeValue> Key(string sessionId, string sortKey) => new(StringComparer.Ordinal)
    {
        [DynamoDbTableSchema.PartitionKey] = S(sessionId),
        [DynamoDbTableSchema.SortKey] = S(sortKey),
    };

    public static bool IsFound(Dictionary<string, AttributeValue>? item) => item is { Count: > 0 };

    public static string? GetS(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    public static string GetRequiredS(Dictionary<string, AttributeValue> item, string name) =>
        GetS(item, name) ?? throw new InvalidDataException($"A stored item has no string attribute '{name}'.");

    public static long? GetN(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } number ? long.Parse(number, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public static byte[]? GetB(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.B is { } stream ? stream.ToArray() : null;
}
