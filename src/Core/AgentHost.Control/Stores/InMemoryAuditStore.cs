using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Conversations;

namespace AgentHost.Control.Stores;

/// <summary>
/// Audit chains in process memory (lost when the process ends: development, tests, stateless deployments that keep their
/// audit elsewhere). Append-only; bounded: the chains of at most <see cref="RecentSessions.Capacity"/> sessions are kept, the
/// least recently appended session's forgotten first (a session that continues after that starts a new chain). Thread-safe.
/// </summary>
public sealed class InMemoryAuditStore : IAuditStore, IAuditBatchStore
{
    private readonly Dictionary<string, List<AuditRecord>> _chains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuditHead> _heads = new(StringComparer.Ordinal);
    private readonly RecentSessions _recent;

    /// <summary>Creates the store.</summary>
    /// <param name="maxSessions">The most sessions whose chains are kept. Default: <see cref="RecentSessions.DefaultCapacity"/>.</param>
    public InMemoryAuditStore(int maxSessions = RecentSessions.DefaultCapacity) => _recent = new RecentSessions(maxSessions);

    /// <inheritdoc />
    public Task<AuditHead?> GetHeadAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        lock (_chains)
        {
            return Task.FromResult(_heads.GetValueOrDefault(sessionId));
        }
    }

    /// <inheritdoc />
    public Task<bool> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_chains)
        {
            var head = _heads.GetValueOrDefault(record.SessionId);
            if ((head?.Sequence ?? 0) != record.Sequence - 1)
            {
                return Task.FromResult(false);
            }

            var chain = ChainOf(record.SessionId);
            if (chain.Count > 0 && chain[^1].Sequence >= record.Sequence)
            {
                return Task.FromResult(false);
            }

            chain.Add(record);
            _heads[record.SessionId] = new AuditHead(record.SessionId, record.Sequence, record.Hash);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryAppendManyAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            return Task.FromResult(true);
        }

        var sessionId = records[0].SessionId;
        for (var i = 1; i < records.Count; i++)
        {
            if (!string.Equals(records[i].SessionId, sessionId, StringComparison.Ordinal) || records[i].Sequence != records[i - 1].Sequence + 1)
            {
                throw new ArgumentException("The records must be one session's, with consecutive sequence numbers.", nameof(records));
            }
        }

        lock (_chains)
        {
            var head = _heads.GetValueOrDefault(sessionId);
            if ((head?.Sequence ?? 0) != records[0].Sequence - 1)
            {
                return Task.FromResult(false);
            }

            ChainOf(sessionId).AddRange(records);
            var last = records[^1];
            _heads[sessionId] = new AuditHead(sessionId, last.Sequence, last.Hash);
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditRecord> ReadAsync(string sessionId, long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        AuditRecord[] records;
        lock (_chains)
        {
            records = _chains.TryGetValue(sessionId, out var chain) ? [.. chain.Where(r => r.Sequence >= fromSequence).OrderBy(r => r.Sequence)] : [];
        }

        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<string> ListSessionsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string[] sessions;
        lock (_chains)
        {
            sessions = [.. _chains.Keys.Union(_heads.Keys).Order(StringComparer.Ordinal)];
        }

        foreach (var session in sessions)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return session;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>The session's chain (created when new, forgetting the least recently appended session beyond the bound). Under the lock.</summary>
    private List<AuditRecord> ChainOf(string sessionId)
    {
        if (_recent.Touch(sessionId) is { } evicted)
        {
            _chains.Remove(evicted);
            _heads.Remove(evicted);
        }

        if (!_chains.TryGetValue(sessionId, out var chain))
        {
            chain = [];
            _chains.Add(sessionId, chain);
        }

        return chain;
    }
}
