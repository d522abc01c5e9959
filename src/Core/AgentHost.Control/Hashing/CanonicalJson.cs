using System.Buffers;
using System.Text.Json;

namespace AgentHost.Control.Hashing;

/// <summary>
/// The canonical JSON form used for hashing: no whitespace, object members sorted by name (ordinal), arrays in order,
/// numbers as given, strings re-encoded from their value. Two argument objects that differ only in member order or spacing hash the same.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>Writes <paramref name="value"/> in canonical form as UTF-8.</summary>
    public static byte[] ToUtf8(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var members = new List<JsonProperty>();
                foreach (var member in value.EnumerateObject())
                {
                    members.Add(member);
                }

                members.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                writer.WriteStartObject();
                foreach (var member in members)
                {
                    writer.WritePropertyName(member.Name);
                    Write(writer, member.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                // Written from the decoded value, so that two spellings of the same string ("\u00fc" and "ü") hash the same.
                writer.WriteStringValue(value.GetString());
                break;
            case JsonValueKind.Undefined:
                writer.WriteNullValue();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
