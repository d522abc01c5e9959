using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Control;
using AgentHost.Control.Stores;
using AgentHost.Testing.Control;

namespace AgentHost.Control.Tests.Stores;

/// <summary>
/// The audit-store contract on the in-memory store. Tampering goes through a wrapper holding a copy of the records that
/// a test may rewrite (the store itself has no way to change a record).
/// </summary>
public sealed class InMemoryAuditStoreContractTests : AuditStoreContractTests
{
    private readonly TamperableAuditStore _store = new(new InMemoryAuditStore());

    protected override Task<IAuditStore> CreateStoreAsync() => Task.FromResult<IAuditStore>(_store);

    protected override Task OverwriteRawAsync(AuditRecord record)
    {
        _store.Overrides[(record.SessionId, record.Sequence)] = record;
        _store.Deleted.Remove((record.SessionId, record.Sequence));
        return Task.CompletedTask;
    }

    protected override Task DeleteRawAsync(string sessionId, long sequence)
    {
        _store.Deleted.Add((sessionId, sequence));
        return Task.CompletedTask;
    }

    /// <summary>Reads through to the real store, with records replaced or hidden as a tampering test asks.</summary>
    private sealed class TamperableAuditStore(InMemoryAuditStore inner) : IAuditStore, IAuditBatchStore
    {
        public Dictionary<(string, long), AuditRecord> Overrides { get; } = [];

        public HashSet<(string, long)> Deleted { get; } = [];

        public Task<AuditHead?> GetHeadAsync(string sessionId, CancellationToken cancellationToken = default) => inner.GetHeadAsync(sessionId, cancellationToken);

        public Task<bool> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken = default) => inner.TryAppendAsync(record, cancellationToken);

        public Task<bool> TryAppendManyAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken = default) => inner.TryAppendManyAsync(records, cancellationToken);

        public async IAsyncEnumerable<AuditRecord> ReadAsync(string sessionId, long fromSequence = 1, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var records = new SortedDictionary<long, AuditRecord>();
            await foreach (var record in inner.ReadAsync(sessionId, fromSequence, cancellationToken))
            {
                records[record.Sequence] = record;
            }

            foreach (var ((session, sequence), record) in Overrides)
            {
                if (session == sessionId && sequence >= fromSequence)
                {
                    records[sequence] = record;
                }
            }

            foreach (var (session, sequence) in Deleted)
            {
                if (session == sessionId)
                {
                    records.Remove(sequence);
                }
            }

            foreach (var record in records.Values)
            {
                yield return record;
            }
        }

        public IAsyncEnumerable<string> ListSessionsAsync(CancellationToken cancellationToken = default) => inner.ListSessionsAsync(cancellationToken);
    }
}
