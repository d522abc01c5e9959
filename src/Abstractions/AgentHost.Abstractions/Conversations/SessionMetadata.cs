namespace AgentHost.Abstractions.Conversations;

/// <summary>
/// Descriptive data about a session. When merged into an existing header, null members leave the stored value unchanged
/// and attributes are merged key by key.
/// </summary>
public sealed record SessionMetadata
{
    /// <summary>The channel: <c>VOICE</c>, <c>CHAT</c>, <c>TASK</c>, <c>EMAIL</c>, <c>CLI</c>, <c>HTTP</c>...</summary>
    public string? Channel { get; init; }

    /// <summary>The Amazon Connect contact id, when the session belongs to a contact.</summary>
    public string? ContactId { get; init; }

    /// <summary>An opaque customer reference (never a name or other raw PII).</summary>
    public string? CustomerId { get; init; }

    /// <summary>The session status (see <see cref="SessionStatuses"/>).</summary>
    public string? Status { get; init; }

    /// <summary>Free-form attributes (string values).</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>Metadata with every member unset.</summary>
    public static SessionMetadata Empty { get; } = new();

    /// <summary>Returns this metadata with the non-null members of <paramref name="update"/> applied over it.</summary>
    public SessionMetadata Merge(SessionMetadata? update)
    {
        if (update is null)
        {
            return this;
        }

        Dictionary<string, string>? attributes = null;
        if (Attributes is not null || update.Attributes is not null)
        {
            attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in Attributes ?? new Dictionary<string, string>())
            {
                attributes[pair.Key] = pair.Value;
            }

            foreach (var pair in update.Attributes ?? new Dictionary<string, string>())
            {
                attributes[pair.Key] = pair.Value;
            }
        }

        return new SessionMetadata
        {
            Channel = update.Channel ?? Channel,
            ContactId = update.ContactId ?? ContactId,
            CustomerId = update.CustomerId ?? CustomerId,
            Status = update.Status ?? Status,
            Attributes = attributes,
        };
    }
}
