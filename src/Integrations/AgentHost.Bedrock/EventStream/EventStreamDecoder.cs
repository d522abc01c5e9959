using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AgentHost.Bedrock.EventStream;

/// <summary>
/// Incremental decoder for <c>application/vnd.amazon.eventstream</c>: feed bytes in any chunking with
/// <see cref="Append"/>, take whole messages with <see cref="TryReadMessage"/>. Both CRCs are verified.
/// Frame: total length (4), headers length (4), prelude CRC (4), headers, payload, message CRC (4); big-endian.
/// </summary>
internal sealed class EventStreamDecoder
{
    public const int PreludeLength = 12;
    public const int Overhead = 16;
    public const int MaxMessageLength = 24 * 1024 * 1024;

    private byte[] _buffer = new byte[8192];
    private int _start;
    private int _end;

    /// <summary>Bytes received but not yet returned as a message.</summary>
    public int BufferedLength => _end - _start;

    public void Append(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        if (_end + data.Length > _buffer.Length)
        {
            var live = _end - _start;
            if (live + data.Length > _buffer.Length)
            {
                var grown = new byte[Math.Max(_buffer.Length * 2, live + data.Length)];
                _buffer.AsSpan(_start, live).CopyTo(grown);
                _buffer = grown;
            }
            else
            {
                _buffer.AsSpan(_start, live).CopyTo(_buffer);
            }

            _start = 0;
            _end = live;
        }

        data.CopyTo(_buffer.AsSpan(_end));
        _end += data.Length;
    }

    public bool TryReadMessage([NotNullWhen(true)] out EventStreamMessage? message)
    {
        message = null;
        var available = _buffer.AsSpan(_start, _end - _start);
        if (available.Length < PreludeLength)
        {
            return false;
        }

        var totalLength = BinaryPrimitives.ReadUInt32BigEndian(available);
        var headersLength = BinaryPrimitives.ReadUInt32BigEndian(available[4..]);
        var preludeCrc = BinaryPrimitives.ReadUInt32BigEndian(available[8..]);
        if (Crc32.Compute(available[..8]) != preludeCrc)
        {
            throw new EventStreamFormatException("Event-stream prelude CRC mismatch.");
        }

        if (totalLength < Overhead || totalLength > MaxMessageLength || headersLength > totalLength - Overhead)
        {
            throw new EventStreamFormatException($"Event-stream frame lengths are invalid (total {totalLength}, headers {headersLength}).");
        }

        if (available.Length < totalLength)
        {
            return false;
        }

        var frame = available[..(int)totalLength];
        var messageCrc = BinaryPrimitives.ReadUInt32BigEndian(frame[^4..]);
        if (Crc32.Compute(frame[..^4]) != messageCrc)
        {
            throw new EventStreamFormatException("Event-stream message CRC mismatch.");
        }

        var headers = ParseHeaders(frame.Slice(PreludeLength, (int)headersLength));
        var payload = frame[(PreludeLength + (int)headersLength)..^4].ToArray();
        _start += (int)totalLength;
        if (_start == _end)
        {
            _start = _end = 0;
        }

        message = new EventStreamMessage(headers, payload);
        return true;
    }

    /// <summary>Reads all messages of a stream; throws <see cref="EventStreamFormatException"/> when it ends inside a frame.</summary>
    public static async IAsyncEnumerable<EventStreamMessage> ReadAllAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var decoder = new EventStreamDecoder();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (decoder.BufferedLength > 0)
                {
                    throw new EventStreamFormatException($"The event stream ended inside a frame ({decoder.BufferedLength} bytes left over).");
                }

                yield break;
            }

            decoder.Append(chunk.AsSpan(0, read));
            while (decoder.TryReadMessage(out var message))
            {
                yield return message;
            }
        }
    }

    private static Dictionary<string, object> ParseHeaders(ReadOnlySpan<byte> data)
    {
        var headers = new Dictionary<string, object>(4, StringComparer.Ordinal);
        while (!data.IsEmpty)
        {
            var nameLength = data[0];
            if (nameLength == 0 || data.Length < 2 + nameLength)
            {
                throw new EventStreamFormatException("Event-stream header name is truncated.");
            }

            var name = KnownStrings.GetString(data.Slice(1, nameLength));
            data = data[(1 + nameLength)..];
            var type = data[0];
            data = data[1..];
            headers[name] = type switch
            {
                0 => true,
                1 => false,
                2 => (object)(sbyte)Take(ref data, 1)[0],
                3 => BinaryPrimitives.ReadInt16BigEndian(Take(ref data, 2)),
                4 => BinaryPrimitives.ReadInt32BigEndian(Take(ref data, 4)),
                5 => BinaryPrimitives.ReadInt64BigEndian(Take(ref data, 8)),
                6 => Take(ref data, BinaryPrimitives.ReadUInt16BigEndian(Take(ref data, 2))).ToArray(),
                7 => KnownStrings.GetString(Take(ref data, BinaryPrimitives.ReadUInt16BigEndian(Take(ref data, 2)))),
                8 => DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(Take(ref data, 8))),
                9 => new Guid(Take(ref data, 16), bigEndian: true),
                _ => throw new EventStreamFormatException($"Unknown event-stream header type {type}."),
            };
        }

        return headers;
    }

    private static ReadOnlySpan<byte> Take(ref ReadOnlySpan<byte> data, int count)
    {
        if (data.Length < count)
        {
            throw new EventStreamFormatException("Event-stream header value is truncated.");
        }

        var taken = data[..count];
        data = data[count..];
        return taken;
    }
}
