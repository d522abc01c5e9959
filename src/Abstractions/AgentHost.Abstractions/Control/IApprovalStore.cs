namespace AgentHost.Abstractions.Control;

/// <summary>
/// Durable approval requests, shared by every host and the supervisor tools. Every change is a conditional write on
/// <see cref="ApprovalRequest.Version"/>, so two hosts or two clicks cannot both apply a change to the same version.
/// Implementations: in memory (AgentHost.Control), SQLite, DynamoDB; all pass the same contract tests.
/// </summary>
public interface IApprovalStore
{
    /// <summary>
    /// Stores a new request (version 1), or returns the request already stored under the same id (a retried turn).
    /// </summary>
    /// <returns>The stored request: <paramref name="request"/>, or the earlier one with that id.</returns>
    Task<ApprovalRequest> CreateAsync(ApprovalRequest request, CancellationToken cancellationToken = default);

    /// <summary>Reads a request, or null when there is none with that id.</summary>
    Task<ApprovalRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>Lists requests, newest first.</summary>
    Task<IReadOnlyList<ApprovalRequest>> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the stored request with <paramref name="updated"/> only when the stored version is
    /// <c>updated.Version - 1</c> (a conditional write).
    /// </summary>
    /// <returns>True when written; false when the request is missing or another writer changed it first.</returns>
    Task<bool> TryReplaceAsync(ApprovalRequest updated, CancellationToken cancellationToken = default);
}
