using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Control;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Control.Audit;

/// <summary>
/// The audit trail over an <see cref="IAuditStore"/>: appends to a session's chain with the next sequence number and the
/// previous record's hash. Appends to one session are serialised in this process; another process appending to the same
/// session makes the store refuse the write, and the append is retried on the new head. Thread-safe.
/// </summary>
/// <remarks>Any failure throws <see cref="AuditWriteException"/>: callers fail the action the record describes.</remarks>
public sealed partial class AuditTrail : IAuditTrail
{
    private const int MaxAttempts = 8;
    private const int MaxCachedSessions = 10_000;
    private readonly IAuditStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SessionChain> _chains = new(StringComparer.Ordinal);

    /// <summary>Creates the trail.</summary>
    public AuditTrail(IAuditStore store, TimeProvider? timeProvider = null, ILogger<AuditTrail>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The store.</summary>
    public IAuditStore Store => _store;

    /// <inheritdoc />
    public async Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Validate(entry);
        var records = await AppendCoreAsync(entry.SessionId, [entry], (records, ct) => _store.TryAppendAsync(records[0], ct), cancellationToken).ConfigureAwait(false);
        return records[0];
    }

    /// <summary>
    /// Appends entries of one session in order. Over an <see cref="IAuditBatchStore"/> they are one atomic store write (all or
    /// none, retried as a whole on a new head); over another store they are appended one by one.
    /// </summary>
    /// <exception cref="AuditWriteException">The records could not be written.</exception>
    public async Task<IReadOnlyList<AuditRecord>> AppendManyAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return [];
        }

        foreach (var entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry);
            Validate(entry);
            if (!string.Equals(entry.SessionId, entries[0].SessionId, StringComparison.Ordinal))
            {
                throw new ArgumentException("Every entry appended together must belong to the same session.", nameof(entries));
            }
        }

        if (entries.Count == 1 || _store is not IAuditBatchStore batch)
        {
            var appended = new List<AuditRecord>(entries.Count);
            foreach (var entry in entries)
            {
                appended.Add(await AppendAsync(entry, cancellationToken).ConfigureAwait(false));
            }

            return appended;
        }

        return await AppendCoreAsync(entries[0].SessionId, entries, batch.TryAppendManyAsync, cancellationToken).ConfigureAwait(false);
    }

    private static void Validate(AuditEntry entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(entry.SessionId);
        ArgumentException.ThrowIfNullOrEmpty(entry.Kind);
        ArgumentException.ThrowIfNullOrEmpty(entry.Actor);
    }

    /// <summary>Seals the entries on the session's head (consecutive, each chained to the one before) and writes them with <paramref name="write"/>, retrying on a new head.</summary>
    private async Task<IReadOnlyList<AuditRecord>> AppendCoreAsync(
        string sessionId,
        IReadOnlyList<AuditEntry> entries,
        Func<IReadOnlyList<AuditRecord>, CancellationToken, Task<bool>> write,
        CancellationToken cancellationToken)
    {
        if (_chains.Count > MaxCachedSessions)
        {
            TrimIdleChains();
        }

        var chain = _chains.GetOrAdd(sessionId, static _ => new SessionChain());
        await chain.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                if (chain.Head is null)
                {
                    // A session this process has not written yet: first try it as a new chain (the common case, no read);
                    // when the store refuses, read its head.
                    chain.Head = attempt == 1
                        ? new AuditHead(sessionId, 0, AuditChain.GenesisHash)
                        : await _store.GetHeadAsync(sessionId, cancellationToken).ConfigureAwait(false) ?? new AuditHead(sessionId, 0, AuditChain.GenesisHash);
                }

                var records = new AuditRecord[entries.Count];
                var now = _time.GetUtcNow();
                var sequence = chain.Head.Sequence;
                var previous = chain.Head.Hash;
                for (var i = 0; i < entries.Count; i++)
                {
                    records[i] = AuditChain.Seal(entries[i], ++sequence, now, previous);
                    previous = records[i].Hash;
                }

                if (await write(records, cancellationToken).ConfigureAwait(false))
                {
                    var last = records[^1];
                    chain.Head = new AuditHead(last.SessionId, last.Sequence, last.Hash);
                    return records;
                }

                // Another writer appended first: read the head again.
                chain.Head = null;
                LogAppendConflict(_logger, sessionId, attempt);
            }

            throw new AuditWriteException($"The audit record could not be appended to session {sessionId}: the chain kept moving ({MaxAttempts} attempts).");
        }
        catch (Exception ex) when (ex is not AuditWriteException and not OperationCanceledException)
        {
            chain.Head = null;
            LogAppendFailed(_logger, ex, entries[0].Kind, ex.GetType().Name);
            throw new AuditWriteException($"The audit record could not be written: {ex.Message}", ex);
        }
        finally
        {
            chain.Gate.Release();
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditRecord> ReadAsync(string sessionId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var record in _store.ReadAsync(sessionId, 1, cancellationToken).ConfigureAwait(false))
        {
            yield return record;
        }
    }

    /// <summary>
    /// Forgets the cached heads of sessions nobody is appending to. Safe even when one is in use after all: the store's
    /// conditional write refuses an append on a stale head, and the append is retried.
    /// </summary>
    private void TrimIdleChains()
    {
        foreach (var (sessionId, chain) in _chains)
        {
            if (chain.Gate.CurrentCount == 1)
            {
                _chains.TryRemove(sessionId, out _);
            }
        }
    }

    [LoggerMessage(EventId = 10000, Level = LogLevel.Debug, Message = "Audit chain of session {SessionId} moved during an append (attempt {Attempt}); retrying on the new head")]
    private static partial void LogAppendConflict(ILogger logger, string sessionId, int attempt);

    [LoggerMessage(EventId = 10001, Level = LogLevel.Error, Message = "An audit record of kind {Kind} could not be written ({ErrorType}); the action it records fails")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, string kind, string errorType);

    /// <summary>The cached head of one session's chain and the gate that serialises its appends in this process.</summary>
    private sealed class SessionChain
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public AuditHead? Head { get; set; }
    }
}
