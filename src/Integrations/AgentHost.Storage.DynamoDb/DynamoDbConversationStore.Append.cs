using AgentHost.Abstractions.Conversations;
using Amazon.DynamoDBv2.Model;
using static AgentHost.Storage.DynamoDb.AttributeValues;

namespace AgentHost.Storage.DynamoDb;

/// <summary>Appending a turn: one conditional TransactWriteItems call.</summary>
public sealed partial class DynamoDbConversationStore
{
    private const string ConditionalCheckFailed = "ConditionalCheckFailed";
    private const string TransactionConflict = "TransactionConflict";

    /// <inheritdoc />
    /// <remarks>
    /// One TransactWriteItems call: put the turn item (condition: absent), put <c>TURNID#&lt;turn id&gt;</c> (condition: absent),
    /// update the header (condition: absent for turn 1, else <c>turnCount</c> = sequence - 1), plus chunk items for an oversized turn.
    /// A failed idempotency condition returns the stored turn as <see cref="AppendOutcome.Duplicate"/>; a failed turn or header
    /// condition throws <see cref="ConversationConflictException"/> (also for a sequence that leaves a gap); a transaction
    /// cancelled by a concurrent one is retried up to <see cref="DynamoDbConversationStoreOptions.TransactionConflictRetries"/> times.
    /// A new session gets the status <see cref="SessionStatuses.Active"/> unless <paramref name="metadata"/> sets one.
    /// </remarks>
    /// <exception cref="ArgumentException">The turn is too large for one transaction (over about 3.5 MB of compressed messages).</exception>
    public async Task<AppendTurnResult> AppendTurnAsync(TurnRecord turn, SessionMetadata? metadata = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrEmpty(turn.SessionId);
        ArgumentException.ThrowIfNullOrEmpty(turn.TurnId);
        ArgumentOutOfRangeException.ThrowIfLessThan(turn.Sequence, 1);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);

        for (var attempt = 1; ; attempt++)
        {
            var request = BuildAppendRequest(turn, metadata, out var encoded);
            try
            {
                await _client.TransactWriteItemsAsync(request, cancellationToken).ConfigureAwait(false);
                if (encoded.TruncatedContents > 0 || encoded.ChunkItems.Count > 0)
                {
                    DynamoDbConversationStoreLog.TurnTruncated(_logger, turn.SessionId, turn.Sequence, encoded.TruncatedContents, encoded.ChunkItems.Count, encoded.CompressedBytes);
                }

                return new AppendTurnResult(AppendOutcome.Appended, turn);
            }
            catch (TransactionCanceledException canceled)
            {
                var reasons = canceled.CancellationReasons ?? [];
                string? Code(int index) => index < reasons.Count ? reasons[index].Code : null;
                if (Code(1) == ConditionalCheckFailed)
                {
                    var stored = await FindStoredAsync(turn, reasons[1].Item, cancellationToken).ConfigureAwait(false);
                    if (stored is not null)
                    {
                        DynamoDbConversationStoreLog.DuplicateTurn(_logger, turn.SessionId, stored.Sequence, turn.TurnId);
                        return new AppendTurnResult(AppendOutcome.Duplicate, stored);
                    }
                }
                else if (Code(0) == ConditionalCheckFailed || Code(2) == ConditionalCheckFailed)
                {
                    DynamoDbConversationStoreLog.SequenceConflict(_logger, turn.SessionId, turn.Sequence);
                    throw new ConversationConflictException(turn.SessionId, turn.Sequence);
                }
                else if (!reasons.Any(r => r.Code == TransactionConflict))
                {
                    throw;
                }

                if (attempt > _options.TransactionConflictRetries)
                {
                    throw new ConversationConflictException(turn.SessionId, turn.Sequence);
                }

                DynamoDbConversationStoreLog.TransactionConflictRetry(_logger, turn.SessionId, turn.Sequence, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * Math.Min(attempt, 10))), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private TransactWriteItemsRequest BuildAppendRequest(TurnRecord turn, SessionMetadata? metadata, out EncodedTurn encoded)
    {
        var now = _timeProvider.GetUtcNow();
        var expiresAt = ExpiresAt(now);
        encoded = TurnItemCodec.Encode(turn, _options, expiresAt);

        var pointer = Key(turn.SessionId, DynamoDbTableSchema.TurnIdSortKey(turn.TurnId));
        pointer[TurnItemCodec.Sequence] = N(turn.Sequence);
        if (expiresAt is { } ttl)
        {
            pointer[DynamoDbTableSchema.TtlAttribute] = N(ttl);
        }

        var header = new UpdateExpressionBuilder()
            .Set(HeaderItemCodec.TurnCount, N(turn.Sequence))
            .Set(DynamoDbTableSchema.StatusIndexSortKey, S(Iso(now)));
        if (expiresAt is { } headerTtl)
        {
            header.Set(DynamoDbTableSchema.TtlAttribute, N(headerTtl));
        }

        string condition;
        if (turn.Sequence == 1)
        {
            header.Set(HeaderItemCodec.CreatedAt, S(Iso(now)));
            HeaderItemCodec.AddMetadata(header, new SessionMetadata { Status = SessionStatuses.Active }.Merge(metadata));
            header.Name("#pk", DynamoDbTableSchema.PartitionKey);
            condition = "attribute_not_exists(#pk)";
        }
        else
        {
            HeaderItemCodec.AddMetadata(header, metadata);
            header.Name("#turnCount", HeaderItemCodec.TurnCount).Value(":expected", N(turn.Sequence - 1));
            condition = "#turnCount = :expected";
        }

        var absent = new Dictionary<string, string> { ["#pk"] = DynamoDbTableSchema.PartitionKey };
        var items = new List<TransactWriteItem>(3 + encoded.ChunkItems.Count)
        {
            new() { Put = new Put { TableName = Table, Item = encoded.TurnItem, ConditionExpression = "attribute_not_exists(#pk)", ExpressionAttributeNames = absent } },
            new()
            {
                Put = new Put
                {
                    TableName = Table,
                    Item = pointer,
                    ConditionExpression = "attribute_not_exists(#pk)",
                    ExpressionAttributeNames = absent,
                    ReturnValuesOnConditionCheckFailure = Amazon.DynamoDBv2.ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
            },
            new()
            {
                Update = new Update
                {
                    TableName = Table,
                    Key = Key(turn.SessionId, DynamoDbTableSchema.HeaderSortKey),
                    UpdateExpression = header.Expression,
                    ConditionExpression = condition,
                    ExpressionAttributeNames = header.Names,
                    ExpressionAttributeValues = header.Values,
                },
            },
        };
        items.AddRange(encoded.ChunkItems.Select(chunk => new TransactWriteItem { Put = new Put { TableName = Table, Item = chunk } }));
        return new TransactWriteItemsRequest { TransactItems = items };
    }

    private async Task<TurnRecord?> FindStoredAsync(TurnRecord turn, Dictionary<string, AttributeValue>? pointer, CancellationToken cancellationToken) =>
        IsFound(pointer) && GetN(pointer!, TurnItemCodec.Sequence) is { } sequence
            ? await GetTurnAsync(turn.SessionId, sequence, cancellationToken).ConfigureAwait(false)
            : await FindTurnAsync(turn.SessionId, turn.TurnId, cancellationToken).ConfigureAwait(false);
}
