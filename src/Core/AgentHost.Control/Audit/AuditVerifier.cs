using System.Globalization;
using AgentHost.Abstractions.Control;

namespace AgentHost.Control.Audit;

/// <summary>
/// Verifies audit chains: every record's hash matches its content (edited), sequence numbers run 1, 2, 3 without gaps
/// (deleted), each record links to the previous record's hash (inserted, reordered), and the chain ends at the head the
/// store recorded (truncated). Reports the first broken link of each session.
/// </summary>
public static class AuditVerifier
{
    /// <summary>Verifies one session, or every session of the store when <paramref name="sessionId"/> is null.</summary>
    public static async Task<AuditVerification> VerifyAsync(IAuditStore store, string? sessionId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var breaks = new List<AuditBreak>();
        var sessions = 0;
        long records = 0;
        if (sessionId is not null)
        {
            sessions = 1;
            records += await VerifySessionAsync(store, sessionId, breaks, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await foreach (var id in store.ListSessionsAsync(cancellationToken).ConfigureAwait(false))
            {
                sessions++;
                records += await VerifySessionAsync(store, id, breaks, cancellationToken).ConfigureAwait(false);
            }
        }

        return new AuditVerification(sessions, records, breaks);
    }

    private static async Task<long> VerifySessionAsync(IAuditStore store, string sessionId, List<AuditBreak> breaks, CancellationToken cancellationToken)
    {
        var head = await store.GetHeadAsync(sessionId, cancellationToken).ConfigureAwait(false);
        long count = 0;
        long expected = 1;
        var previousHash = AuditChain.GenesisHash;
        AuditBreak? found = null;
        await foreach (var record in store.ReadAsync(sessionId, 1, cancellationToken).ConfigureAwait(false))
        {
            count++;
            if (found is not null)
            {
                continue;
            }

            found = Check(sessionId, record, expected, previousHash);
            expected = record.Sequence + 1;
            previousHash = record.Hash;
        }

        if (found is null)
        {
            var last = expected - 1;
            if (head is null)
            {
                if (count > 0)
                {
                    found = new AuditBreak(sessionId, last, AuditBreakKind.Truncated, Say($"session {sessionId}: the chain has {count} records but the store has no head for it (the head was deleted)."));
                }
            }
            else if (head.Sequence != last)
            {
                found = new AuditBreak(sessionId, last + 1, AuditBreakKind.Truncated, head.Sequence > last
                    ? Say($"session {sessionId}: the chain ends at record {last} but the head says it has {head.Sequence} records (records {last + 1}..{head.Sequence} were removed).")
                    : Say($"session {sessionId}: the chain has record {last} beyond the head's record {head.Sequence} (records were added outside the trail)."));
            }
            else if (!ControlHashesEqual(head.Hash, previousHash))
            {
                found = new AuditBreak(sessionId, last, AuditBreakKind.Truncated, Say($"session {sessionId}: record {last} is not the record the head names (hash {Short(previousHash)} instead of {Short(head.Hash)})."));
            }
        }

        if (found is not null)
        {
            breaks.Add(found);
        }

        return count;
    }

    private static AuditBreak? Check(string sessionId, AuditRecord record, long expected, string previousHash)
    {
        if (!string.Equals(record.SessionId, sessionId, StringComparison.Ordinal))
        {
            return new AuditBreak(sessionId, record.Sequence, AuditBreakKind.Misplaced, Say($"session {sessionId}, record {record.Sequence}: the record belongs to session {record.SessionId}."));
        }

        if (!ControlHashesEqual(AuditChain.ComputeHash(record), record.Hash))
        {
            return new AuditBreak(sessionId, record.Sequence, AuditBreakKind.Edited, Say($"session {sessionId}, record {record.Sequence} ({record.Kind}): its content does not match its hash (the record was edited)."));
        }

        if (record.Sequence < expected)
        {
            return new AuditBreak(sessionId, record.Sequence, AuditBreakKind.Misplaced, Say($"session {sessionId}, record {record.Sequence}: out of order after record {expected - 1}."));
        }

        if (record.Sequence > expected)
        {
            return new AuditBreak(sessionId, expected, AuditBreakKind.Missing, Say($"session {sessionId}: record {expected} is missing (the next stored record is {record.Sequence})."));
        }

        if (!ControlHashesEqual(record.PreviousHash, previousHash))
        {
            return new AuditBreak(sessionId, record.Sequence, AuditBreakKind.Unlinked, Say($"session {sessionId}, record {record.Sequence} ({record.Kind}): it does not link to record {expected - 1} (a record was inserted, reordered or replaced)."));
        }

        return null;
    }

    private static bool ControlHashesEqual(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    private static string Say(string text) => text.ToString(CultureInfo.InvariantCulture);
}
