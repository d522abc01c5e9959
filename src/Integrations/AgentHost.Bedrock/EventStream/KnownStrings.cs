using System.Text;

namespace AgentHost.Bedrock.EventStream;

/// <summary>Returns shared instances for the header names and values every ConverseStream frame repeats.</summary>
internal static class KnownStrings
{
    private static readonly (byte[] Utf8, string Value)[] Known =
    [
        .. new[]
        {
            ":event-type", ":content-type", ":message-type", ":exception-type", "event", "exception", "application/json",
            "messageStart", "contentBlockStart", "contentBlockDelta", "contentBlockStop", "messageStop", "metadata",
        }.Select(s => (Encoding.UTF8.GetBytes(s), s)),
    ];

    public static string GetString(ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, value) in Known)
        {
            if (utf8.SequenceEqual(bytes))
            {
                return value;
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }
}
