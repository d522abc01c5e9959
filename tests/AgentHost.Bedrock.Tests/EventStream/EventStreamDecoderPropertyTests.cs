using AgentHost.Bedrock.EventStream;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace AgentHost.Bedrock.Tests.EventStream;

/// <summary>Property tests with fixed seeds: the same cases run every time.</summary>
public sealed class EventStreamDecoderPropertyTests
{
    private static readonly Config Fixed = Config.QuickThrowOnFailure
        .WithMaxTest(200)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(0x5EEDUL, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));

    private static Gen<KeyValuePair<string, object>> HeaderGen { get; } =
        from name in Gen.Elements(":event-type", ":content-type", ":message-type", "x-custom", "n", "id")
        from kind in Gen.Choose(0, 4)
        from text in Gen.Elements("", "a", "contentBlockDelta", "ünïcødé", new string('x', 300))
        from number in Gen.Choose(int.MinValue, int.MaxValue)
        select new KeyValuePair<string, object>(name, kind switch
        {
            0 => (object)text,
            1 => number,
            2 => (long)number * 7919L,
            3 => number % 2 == 0,
            _ => System.Text.Encoding.UTF8.GetBytes(text),
        });

    private static Gen<(List<KeyValuePair<string, object>> Headers, byte[] Payload)> FrameGen { get; } =
        from headers in Gen.ListOf(HeaderGen, 4)
        from payload in Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i))
        select (headers.DistinctBy(h => h.Key).ToList(), payload);

    private static Gen<(List<(List<KeyValuePair<string, object>> Headers, byte[] Payload)> Frames, int[] Chunks)> StreamGen { get; } =
        from frames in Gen.NonEmptyListOf(FrameGen)
        from chunks in Gen.NonEmptyListOf(Gen.Choose(1, 97))
        select (frames.ToList(), chunks.ToArray());

    [Fact]
    public void Decode_RandomFramesSplitAtRandomChunkBoundaries_ReturnsTheOriginalFrames()
    {
        Check.One(Fixed, Prop.ForAll(StreamGen.ToArbitrary(), input =>
        {
            var bytes = input.Frames.SelectMany(f => EventStreamEncoder.Encode(f.Headers, f.Payload)).ToArray();
            var decoded = DecodeInChunks(bytes, input.Chunks);

            Assert.Equal(input.Frames.Count, decoded.Count);
            for (var i = 0; i < decoded.Count; i++)
            {
                Assert.Equal(input.Frames[i].Payload, decoded[i].Payload.ToArray());
                Assert.Equal(input.Frames[i].Headers.Count, decoded[i].Headers.Count);
                foreach (var (name, value) in input.Frames[i].Headers)
                {
                    Assert.Equal(value, decoded[i].Headers[name]);
                }
            }
        }));
    }

    [Fact]
    public void Decode_AnyBitFlippedInThePrelude_IsRejected()
    {
        var gen = from frame in FrameGen from position in Gen.Choose(0, 11) from bit in Gen.Choose(0, 7) select (frame, position, bit);
        Check.One(Fixed, Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var bytes = EventStreamEncoder.Encode(input.frame.Headers, input.frame.Payload);
            bytes[input.position] ^= (byte)(1 << input.bit);
            var decoder = new EventStreamDecoder();
            decoder.Append(bytes);

            Assert.Throws<EventStreamFormatException>(() => decoder.TryReadMessage(out _));
        }));
    }

    [Fact]
    public void Decode_AnyBitFlippedAfterThePrelude_IsRejectedByTheMessageCrc()
    {
        var gen = from frame in FrameGen from position in Gen.Choose(12, 100000) from bit in Gen.Choose(0, 7) select (frame, position, bit);
        Check.One(Fixed, Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var bytes = EventStreamEncoder.Encode(input.frame.Headers, input.frame.Payload);
            var position = 12 + (input.position % (bytes.Length - 12));
            bytes[position] ^= (byte)(1 << input.bit);
            var decoder = new EventStreamDecoder();
            decoder.Append(bytes);

            var ex = Assert.Throws<EventStreamFormatException>(() => decoder.TryReadMessage(out _));
            Assert.Contains("message CRC", ex.Message, StringComparison.Ordinal);
        }));
    }

    [Fact]
    public void ReadAllAsync_StreamCutInsideTheLastFrame_ReportsTruncation()
    {
        var gen = from frames in Gen.NonEmptyListOf(FrameGen) from cut in Gen.Choose(1, 100000) select (frames, cut);
        Check.One(Fixed, Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var encoded = input.frames.Select(f => EventStreamEncoder.Encode(f.Headers, f.Payload)).ToList();
            var last = encoded[^1];
            var keep = 1 + (input.cut % (last.Length - 1));
            var bytes = encoded.Take(encoded.Count - 1).SelectMany(f => f).Concat(last.Take(keep)).ToArray();
            using var stream = new MemoryStream(bytes);
            var count = 0;

            var ex = Assert.ThrowsAny<EventStreamFormatException>(() =>
            {
                var enumerator = EventStreamDecoder.ReadAllAsync(stream, TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
                while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                    count++;
                }
            });

            Assert.Contains("ended inside a frame", ex.Message, StringComparison.Ordinal);
            Assert.Equal(encoded.Count - 1, count);
        }));
    }

    private static List<EventStreamMessage> DecodeInChunks(byte[] bytes, int[] chunks)
    {
        var decoder = new EventStreamDecoder();
        var result = new List<EventStreamMessage>();
        var offset = 0;
        for (var i = 0; offset < bytes.Length; i++)
        {
            var size = Math.Min(chunks[i % chunks.Length], bytes.Length - offset);
            decoder.Append(bytes.AsSpan(offset, size));
            offset += size;
            while (decoder.TryReadMessage(out var message))
            {
                result.Add(message);
            }
        }

        Assert.Equal(0, decoder.BufferedLength);
        return result;
    }
}
