using System.Buffers.Binary;
using System.Text;

namespace AgentHost.Bedrock.EventStream;

/// <summary>Encodes event-stream frames (for fakes, tests and benchmarks). Header values: string, bool, int, long, byte[].</summary>
internal static class EventStreamEncoder
{
    public static byte[] Encode(IEnumerable<KeyValuePair<string, object>> headers, ReadOnlySpan<byte> payload)
    {
        using var headerBytes = new MemoryStream();
        foreach (var (name, value) in headers)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            headerBytes.WriteByte((byte)nameBytes.Length);
            headerBytes.Write(nameBytes);
            switch (value)
            {
                case bool b:
                    headerBytes.WriteByte(b ? (byte)0 : (byte)1);
                    break;
                case int i:
                    headerBytes.WriteByte(4);
                    WriteBigEndian(headerBytes, i);
                    break;
                case long l:
                    headerBytes.WriteByte(5);
                    WriteBigEndian(headerBytes, l);
                    break;
                case byte[] bytes:
                    headerBytes.WriteByte(6);
                    WriteLength(headerBytes, bytes.Length);
                    headerBytes.Write(bytes);
                    break;
                default:
                    var text = Encoding.UTF8.GetBytes(value.ToString() ?? string.Empty);
                    headerBytes.WriteByte(7);
                    WriteLength(headerBytes, text.Length);
                    headerBytes.Write(text);
                    break;
            }
        }

        var headersLength = (int)headerBytes.Length;
        var total = EventStreamDecoder.Overhead + headersLength + payload.Length;
        var frame = new byte[total];
        BinaryPrimitives.WriteInt32BigEndian(frame, total);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), headersLength);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(8), Crc32.Compute(frame.AsSpan(0, 8)));
        headerBytes.GetBuffer().AsSpan(0, headersLength).CopyTo(frame.AsSpan(12));
        payload.CopyTo(frame.AsSpan(12 + headersLength));
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(total - 4), Crc32.Compute(frame.AsSpan(0, total - 4)));
        return frame;
    }

    public static byte[] EncodeEvent(string eventType, string jsonPayload)
        => Encode(
            [new(":event-type", eventType), new(":content-type", "application/json"), new(":message-type", "event")],
            Encoding.UTF8.GetBytes(jsonPayload));

    public static byte[] EncodeException(string exceptionType, string message)
        => Encode(
            [new(":exception-type", exceptionType), new(":content-type", "application/json"), new(":message-type", "exception")],
            Encoding.UTF8.GetBytes("{\"message\":" + System.Text.Json.JsonSerializer.Serialize(message, Wire.BedrockJsonContext.Default.String) + "}"));

    private static void WriteBigEndian(Stream stream, int value)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, value);
        stream.Write(four);
    }

    private static void WriteBigEndian(Stream stream, long value)
    {
        Span<byte> eight = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(eight, value);
        stream.Write(eight);
    }

    private static void WriteLength(Stream stream, int length)
    {
        Span<byte> two = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(two, checked((ushort)length));
        stream.Write(two);
    }
}
