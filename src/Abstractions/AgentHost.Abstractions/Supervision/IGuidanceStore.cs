namespace AgentHost.Abstractions.Supervision;

/// <summary>
/// Supervisor guidance, in the store shared by the runtime and the supervisor tools. <see cref="TryConsumeAsync"/> is a
/// conditional write: of any number of hosts racing for one guidance, exactly one gets true.
/// </summary>
public interface IGuidanceStore
{
    /// <summary>Stores new guidance (pending).</summary>
    Task AddAsync(SupervisorGuidance guidance, CancellationToken cancellationToken = default);

    /// <summary>The session's pending guidance, oldest first (one cheap read: called before model calls).</summary>
    Task<IReadOnlyList<SupervisorGuidance>> GetPendingAsync(string sessionId, CancellationToken cancellationToken = default);

    /// <summary>Marks pending guidance consumed by a turn; false when it is unknown or was already consumed.</summary>
    Task<bool> TryConsumeAsync(string sessionId, string guidanceId, string turnId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>All of a session's guidance, oldest first.</summary>
    Task<IReadOnlyList<SupervisorGuidance>> ListAsync(string sessionId, CancellationToken cancellationToken = default);
}
