using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static AgentHost.Storage.DynamoDb.AttributeValues;

namespace AgentHost.Storage.DynamoDb;

/// <summary>
/// The activity feed and supervisor guidance in DynamoDB (<see cref="DynamoDbSupervisionSchema"/>): the store the runtime
/// (one microVM per session on AgentCore) shares with the supervisor console and CLI. An append is one write: a
/// TransactWriteItems of the session summary (condition: its <c>version</c> is the one the events were numbered from) and
/// the batch's event chunk items (condition: new keys), so a batch is stored whole or not at all and two writers of one
/// session cannot number events alike; its client request token makes the SDK's retries of it idempotent. Consuming
/// guidance is a conditional UpdateItem (<c>attribute_not_exists(consumedAt)</c>). Every item expires after
/// <see cref="DynamoDbSupervisionStoreOptions.Retention"/> (TTL). Thread-safe.
/// </summary>
public sealed partial class DynamoDbSupervisionStore
{
    private const int MaxRememberedSessions = 4_096;
    private readonly IAmazonDynamoDB _client;
    private readonly DynamoDbSupervisionStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    // The summary and version this instance last wrote per session: the next append of the session needs no read while
    // nobody else wrote it (the version condition detects when somebody did).
    private readonly ConcurrentDictionary<string, KnownSession> _known = new(StringComparer.Ordinal);
    private long _batchWrites;
    private double _batchCapacity;
    private readonly Lock _capacityGate = new();

    /// <summary>Creates the store.</summary>
    /// <param name="client">The DynamoDB client (not disposed by the store).</param>
    /// <param name="options">The table and retention.</param>
    /// <param name="timeProvider">The clock of the TTLs. Default: <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">The logger (never logs message texts or guidance).</param>
    public DynamoDbSupervisionStore(IAmazonDynamoDB client, DynamoDbSupervisionStoreOptions options, TimeProvider? timeProvider = null, ILogger<DynamoDbSupervisionStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.TableName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Retention, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxChunkBytes, 1_024);
        _client = client;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>The table.</summary>
    public string TableName => _options.TableName;

    /// <summary>How many activity batches this instance stored (one write request each): the figure behind "writes per turn".</summary>
    public long BatchWrites => Interlocked.Read(ref _batchWrites);

    /// <summary>The write capacity units DynamoDB reported for those batches (transactional writes count twice).</summary>
    public double BatchWriteCapacityUnits
    {
        get
        {
            lock (_capacityGate)
            {
                return _batchCapacity;
            }
        }
    }

    private AttributeValue ExpiresAt() => N(_time.GetUtcNow().Add(_options.Retention).ToUnixTimeSeconds());

    private static Dictionary<string, AttributeValue> ItemKey(string sessionId, string sortKey) => new(StringComparer.Ordinal)
    {
        [DynamoDbSupervisionSchema.PartitionKey] = S(DynamoDbSupervisionSchema.SessionPartition(sessionId)),
        [DynamoDbSupervisionSchema.SortKey] = S(sortKey),
    };

    private static Dictionary<string, AttributeValue> Values(params (string Name, AttributeValue Value)[] values)
    {
        var map = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            map[name] = value;
        }

        return map;
    }

    private void CountWrite(double? capacityUnits)
    {
        Interlocked.Increment(ref _batchWrites);
        lock (_capacityGate)
        {
            _batchCapacity += capacityUnits ?? 0;
        }
    }

    private void Remember(string sessionId, KnownSession known)
    {
        if (_known.Count >= MaxRememberedSessions)
        {
            _known.Clear();
        }

        _known[sessionId] = known;
    }

    private sealed record KnownSession(AgentHost.Abstractions.Supervision.LiveSession? Live, long Version);
}
