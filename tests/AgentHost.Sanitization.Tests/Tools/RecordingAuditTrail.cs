using AgentHost.Abstractions.Control;

namespace AgentHost.Sanitization.Tests.Tools;

/// <summary>An audit trail that keeps what was appended, or fails every append.</summary>
internal sealed class RecordingAuditTrail(bool fail = false) : IAuditTrail
{
    public List<AuditEntry> Entries { get; } = [];

    public Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        if (fail)
        {
            throw new AuditWriteException("the audit store is down");
        }

        Entries.Add(entry);
        return Task.FromResult(new AuditRecord
        {
            SessionId = entry.SessionId,
            Sequence = Entries.Count,
            At = DateTimeOffset.UnixEpoch,
            Kind = entry.Kind,
            Actor = entry.Actor,
            PreviousHash = "0",
            Hash = "1",
        });
    }

    public async IAsyncEnumerable<AuditRecord> ReadAsync(string sessionId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}
