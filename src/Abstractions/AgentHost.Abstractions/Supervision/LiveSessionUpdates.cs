namespace AgentHost.Abstractions.Supervision;

/// <summary>Merging <see cref="LiveSessionUpdate"/>s and applying them to a <see cref="LiveSession"/> (used by the writer and the stores).</summary>
public static class LiveSessionUpdates
{
    /// <summary>Combines two updates in order: later values win, flags are united, turn counts add up.</summary>
    public static LiveSessionUpdate Merge(LiveSessionUpdate? earlier, LiveSessionUpdate later)
    {
        ArgumentNullException.ThrowIfNull(later);
        if (earlier is null)
        {
            return later;
        }

        return new LiveSessionUpdate
        {
            Status = later.Status ?? earlier.Status,
            Channel = later.Channel ?? earlier.Channel,
            ContactId = later.ContactId ?? earlier.ContactId,
            Customer = later.Customer ?? earlier.Customer,
            Identity = later.Identity ?? earlier.Identity,
            Sentiment = later.Sentiment ?? earlier.Sentiment,
            AddFlags = Union(earlier.AddFlags, later.AddFlags),
            TurnsStarted = earlier.TurnsStarted + later.TurnsStarted,
        };
    }

    /// <summary>Applies an update to a session's summary (or creates it), with the sequence and time of the batch's last event.</summary>
    public static LiveSession Apply(LiveSession? current, string sessionId, LiveSessionUpdate update, long lastSequence, DateTimeOffset lastActivity)
    {
        ArgumentNullException.ThrowIfNull(update);
        var session = current ?? new LiveSession { SessionId = sessionId, StartedAt = lastActivity, LastActivity = lastActivity };
        return session with
        {
            LastActivity = lastActivity > session.LastActivity ? lastActivity : session.LastActivity,
            LastSequence = Math.Max(lastSequence, session.LastSequence),
            Status = update.Status ?? session.Status,
            Channel = update.Channel ?? session.Channel,
            ContactId = update.ContactId ?? session.ContactId,
            Customer = update.Customer ?? session.Customer,
            Identity = update.Identity ?? session.Identity,
            Sentiment = update.Sentiment ?? session.Sentiment,
            Flags = Union(session.Flags, update.AddFlags) ?? [],
            Turns = session.Turns + update.TurnsStarted,
        };
    }

    private static IReadOnlyList<string>? Union(IReadOnlyList<string>? a, IReadOnlyList<string>? b)
    {
        if (b is null || b.Count == 0)
        {
            return a;
        }

        if (a is null || a.Count == 0)
        {
            return b;
        }

        return a.Union(b, StringComparer.Ordinal).ToArray();
    }
}
