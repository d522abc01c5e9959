using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Control;

namespace AgentHost.Control.Stores;

/// <summary>Audit chains in process memory (lost when the process ends). Append-only; thread-safe.</summary>
public sealed class InMemoryAuditStore : IAuditStore, IAuditBatchStore
{
    private readonly Dictionary<string, List<AuditRecord>> _chains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AuditHead> _heads = new(StringComparer.Ordinal);

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

            if (!_chains.TryGetValue(record.SessionId, out var chain))
            {
                chain = [];
                _chains.Add(record.SessionId, chain);
            }

            if (chain.Any(r => r.Sequence == record.Sequence))
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

            if (!_chains.TryGetValue(sessionId, out var chain))
            {
                chain = [];
                _chains.Add(sessionId, chain);
            }

            chain.AddRange(records);
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
}
