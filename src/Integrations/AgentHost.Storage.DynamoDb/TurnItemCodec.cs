using System.IO.Compression;
using AgentHost.Abstractions.Conversations;
using Amazon.DynamoDBv2.Model;
using static AgentHost.Storage.DynamoDb.AttributeValues;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// Turn items: <c>seq</c>, <c>turnId</c>, <c>createdAt</c>, <c>outcome</c> (JSON), and the messages as <c>msg</c> (JSON) or,
/// above the compression threshold, <c>msgz</c> (gzip). When a content is longer than the prompt limit, or the messages
/// do not fit one item even compressed, the turn item holds the prompt copy (cut contents end with a marker) and the full
/// messages, gzip-compressed, go to <c>FULL#seq#nnnn</c> chunk items written in the same transaction (<c>fullParts</c> says how many).
/// </summary>
internal static class TurnItemCodec
{
    /// <summary>The largest message payload kept in the turn item (the item limit is 400 KB with names and other attributes).</summary>
    public const int InlineLimitBytes = 350_000;

    /// <summary>The payload of one chunk item.</summary>
    public const int ChunkBytes = 350_000;

    /// <summary>At most this many chunks, so a turn stays within one TransactWriteItems call (4 MB).</summary>
    public const int MaxChunks = 10;

    public const string Sequence = "seq";
    public const string TurnId = "turnId";
    public const string CreatedAt = "createdAt";
    public const string Messages = "msg";
    public const string CompressedMessages = "msgz";
    public const string Outcome = "outcome";
    public const string FullParts = "fullParts";
    public const string Data = "data";

    public static EncodedTurn Encode(TurnRecord turn, DynamoDbConversationStoreOptions options, long? expiresAt)
    {
        var item = Key(turn.SessionId, DynamoDbTableSchema.TurnSortKey(turn.Sequence));
        item[Sequence] = N(turn.Sequence);
        item[TurnId] = S(turn.TurnId);
        item[CreatedAt] = S(Iso(turn.CreatedAt));
        item[Outcome] = S(System.Text.Encoding.UTF8.GetString(ConversationJson.SerializeOutcome(turn.Outcome)));
        if (expiresAt is { } ttl)
        {
            item[DynamoDbTableSchema.TtlAttribute] = N(ttl);
        }

        var full = ConversationJson.SerializeMessages(turn.Messages);
        var limit = Math.Max(256, options.PromptContentLimit);
        var (prompt, truncated) = PromptTruncator.Truncate(turn.Messages, limit, turn.Sequence);
        if (truncated == 0 && TryPutMessages(item, full, options))
        {
            return new EncodedTurn(item, [], 0, 0);
        }

        var compressed = Compress(full);
        var chunkCount = (compressed.Length + ChunkBytes - 1) / ChunkBytes;
        if (chunkCount > MaxChunks)
        {
            throw new ArgumentException(
                $"Turn {turn.Sequence} of session '{turn.SessionId}' is too large for DynamoDB: {compressed.Length} bytes after compression, at most {MaxChunks * ChunkBytes} fit one transaction.",
                nameof(turn));
        }

        while (!TryPutMessages(item, ConversationJson.SerializeMessages(prompt), options))
        {
            if (limit <= 256)
            {
                throw new ArgumentException($"The prompt copy of turn {turn.Sequence} of session '{turn.SessionId}' does not fit one DynamoDB item.", nameof(turn));
            }

            limit /= 4;
            (prompt, truncated) = PromptTruncator.Truncate(turn.Messages, limit, turn.Sequence);
        }

        item[FullParts] = N(chunkCount);
        var chunks = new List<Dictionary<string, AttributeValue>>(chunkCount);
        for (var part = 0; part < chunkCount; part++)
        {
            var chunk = Key(turn.SessionId, DynamoDbTableSchema.FullPrefixOf(turn.Sequence) + (part + 1).ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
            var offset = part * ChunkBytes;
            chunk[Data] = B(compressed.AsSpan(offset, Math.Min(ChunkBytes, compressed.Length - offset)).ToArray());
            if (expiresAt is { } chunkTtl)
            {
                chunk[DynamoDbTableSchema.TtlAttribute] = N(chunkTtl);
            }

            chunks.Add(chunk);
        }

        return new EncodedTurn(item, chunks, truncated, compressed.Length);
    }

    /// <summary>The number of chunk items holding the full messages, or 0 when the turn item holds them.</summary>
    public static int ChunkCount(Dictionary<string, AttributeValue> item) => (int)(GetN(item, FullParts) ?? 0);

    /// <summary>Decodes a turn item; with <paramref name="chunks"/>, the full messages replace the prompt copy.</summary>
    public static TurnRecord Decode(Dictionary<string, AttributeValue> item, IReadOnlyList<Dictionary<string, AttributeValue>>? chunks = null)
    {
        IReadOnlyList<Microsoft.Extensions.AI.ChatMessage> messages;
        if (chunks is { Count: > 0 })
        {
            using var joined = new MemoryStream();
            foreach (var chunk in chunks.OrderBy(c => GetRequiredS(c, DynamoDbTableSchema.SortKey), StringComparer.Ordinal))
            {
                joined.Write(GetB(chunk, Data) ?? throw new InvalidDataException("A chunk item has no data."));
            }

            messages = ConversationJson.DeserializeMessages(Decompress(joined.ToArray()));
        }
        else if (GetB(item, CompressedMessages) is { } compressed)
        {
            messages = ConversationJson.DeserializeMessages(Decompress(compressed));
        }
        else
        {
            messages = ConversationJson.DeserializeMessages(System.Text.Encoding.UTF8.GetBytes(GetRequiredS(item, Messages)));
        }

        return new TurnRecord(
            GetRequiredS(item, DynamoDbTableSchema.PartitionKey),
            GetN(item, Sequence) ?? throw new InvalidDataException("A turn item has no sequence."),
            GetRequiredS(item, TurnId),
            ParseIso(GetRequiredS(item, CreatedAt)),
            messages,
            ConversationJson.DeserializeOutcome(System.Text.Encoding.UTF8.GetBytes(GetRequiredS(item, Outcome))));
    }

    private static bool TryPutMessages(Dictionary<string, AttributeValue> item, byte[] json, DynamoDbConversationStoreOptions options)
    {
        item.Remove(Messages);
        item.Remove(CompressedMessages);
        if (json.Length <= options.CompressThresholdBytes)
        {
            if (json.Length > InlineLimitBytes)
            {
                return false;
            }

            item[Messages] = S(System.Text.Encoding.UTF8.GetString(json));
            return true;
        }

        var compressed = Compress(json);
        if (compressed.Length > InlineLimitBytes)
        {
            return false;
        }

        item[CompressedMessages] = B(compressed);
        return true;
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] Decompress(byte[] data)
    {
        using var input = new MemoryStream(data);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
