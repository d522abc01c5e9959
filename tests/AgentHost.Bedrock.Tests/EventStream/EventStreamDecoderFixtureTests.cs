using AgentHost.Testing;
using System.Text;
using System.Text.Json;
using AgentHost.Bedrock.EventStream;
using AgentHost.Bedrock.Tests.Support;

namespace AgentHost.Bedrock.Tests.EventStream;

public sealed class EventStreamDecoderFixtureTests
{
    public static TheoryData<string> FixtureNames() => new("converse-stream-text-then-tooluse", "converse-stream-midstream-throttling");

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public async Task ReadAllAsync_Fixture_YieldsEveryFrameOfTheManifestAsync(string name)
    {
        var (bytes, manifest) = Load(name);
        using var stream = new MemoryStream(bytes);

        var messages = new List<EventStreamMessage>();
        await foreach (var message in EventStreamDecoder.ReadAllAsync(stream, TestContext.Current.CancellationToken))
        {
            messages.Add(message);
        }

        var frames = manifest.GetProperty("frames").EnumerateArray().ToList();
        Assert.Equal(frames.Count, messages.Count);
        for (var i = 0; i < frames.Count; i++)
        {
            Assert.Equal(frames[i].GetProperty("payload").GetString(), Encoding.UTF8.GetString(messages[i].Payload.Span));
            foreach (var header in frames[i].GetProperty("headers").EnumerateObject())
            {
                Assert.Equal(header.Value.GetProperty("value").GetString(), messages[i].GetString(header.Name));
            }
        }
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Append_FixtureFedOneByteAtATime_YieldsTheSameFramesAsWholeInput(string name)
    {
        var (bytes, manifest) = Load(name);
        var decoder = new EventStreamDecoder();
        var payloads = new List<string>();

        foreach (var b in bytes)
        {
            decoder.Append([b]);
            while (decoder.TryReadMessage(out var message))
            {
                payloads.Add(Encoding.UTF8.GetString(message.Payload.Span));
            }
        }

        Assert.Equal(manifest.GetProperty("frames").EnumerateArray().Select(f => f.GetProperty("payload").GetString()), payloads);
        Assert.Equal(0, decoder.BufferedLength);
    }

    [Fact]
    public void TryReadMessage_FixtureWithFlippedPayloadByte_ThrowsMessageCrcMismatch()
    {
        var (bytes, _) = Load("converse-stream-text-then-tooluse");
        bytes[60] ^= 0x01;
        var decoder = new EventStreamDecoder();
        decoder.Append(bytes);

        var ex = Assert.Throws<EventStreamFormatException>(() => decoder.TryReadMessage(out _));
        Assert.Contains("message CRC", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryReadMessage_FixtureWithFlippedLengthByte_ThrowsPreludeCrcMismatch()
    {
        var (bytes, _) = Load("converse-stream-text-then-tooluse");
        bytes[3] ^= 0x10;
        var decoder = new EventStreamDecoder();
        decoder.Append(bytes);

        var ex = Assert.Throws<EventStreamFormatException>(() => decoder.TryReadMessage(out _));
        Assert.Contains("prelude CRC", ex.Message, StringComparison.Ordinal);
    }

    private static (byte[] Bytes, JsonElement Manifest) Load(string name)
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Fixture("bedrock", "eventstream", name + ".bin"));
        var manifest = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Fixture("bedrock", "eventstream", name + ".json"))).RootElement.Clone();
        Assert.Equal(manifest.GetProperty("total_bytes").GetInt32(), bytes.Length);
        return (bytes, manifest);
    }
}
