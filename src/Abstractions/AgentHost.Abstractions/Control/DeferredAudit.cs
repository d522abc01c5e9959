using AgentHost.Abstractions.Tools;

namespace AgentHost.Abstractions.Control;

/// <summary>
/// Lets a tool-call middleware inside the control layer's audit middleware hand its audit entry to it instead of writing it,
/// so that the entry is written together with the call's result record (one store write instead of two) and fails with it
/// (fail closed either way). Outside an audit middleware (the control layer off) <see cref="TryDefer"/> returns false and the
/// middleware writes its entry itself.
/// </summary>
public static class DeferredAudit
{
    private const string Key = "agenthost.control.deferredAudit";

    /// <summary>Called by the audit middleware before the call: from now on inner middleware may defer entries to it.</summary>
    public static void Accept(ToolCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CallItems[Key] = new List<AuditEntry>();
    }

    /// <summary>
    /// Hands <paramref name="entry"/> to the audit middleware around this call; false when there is none, or when the entry
    /// belongs to another session than the call's (the caller then writes it itself).
    /// </summary>
    public static bool TryDefer(ToolCallContext context, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entry);
        if (!context.CallItems.TryGetValue(Key, out var value) || value is not List<AuditEntry> entries
            || !string.Equals(entry.SessionId, context.Invocation.SessionId, StringComparison.Ordinal))
        {
            return false;
        }

        entries.Add(entry);
        return true;
    }

    /// <summary>Called by the audit middleware after the call: the entries deferred to it, in order; it stops accepting more.</summary>
    public static IReadOnlyList<AuditEntry> Take(ToolCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.CallItems.Remove(Key, out var value) || value is not List<AuditEntry> entries)
        {
            return [];
        }

        return entries;
    }
}
