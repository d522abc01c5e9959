using AgentHost.Abstractions.Control;

namespace AgentHost.Control.Stores;

/// <summary>
/// Approval requests in process memory (tests, and deployments with the in-memory conversation store). Lost when the
/// process ends, and not shared with other processes: a CLI or console cannot decide them. Thread-safe.
/// </summary>
public sealed class InMemoryApprovalStore : IApprovalStore
{
    private readonly Dictionary<string, ApprovalRequest> _requests = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<ApprovalRequest> CreateAsync(ApprovalRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_requests)
        {
            if (_requests.TryGetValue(request.Id, out var existing))
            {
                return Task.FromResult(existing);
            }

            var stored = request with { Version = 1 };
            _requests.Add(request.Id, stored);
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<ApprovalRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        lock (_requests)
        {
            return Task.FromResult(_requests.GetValueOrDefault(requestId));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ApprovalRequest>> ListAsync(ApprovalQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_requests)
        {
            IReadOnlyList<ApprovalRequest> list = _requests.Values
                .Where(r => query.Status is null || r.Status == query.Status)
                .Where(r => query.SessionId is null || string.Equals(r.SessionId, query.SessionId, StringComparison.Ordinal))
                .OrderByDescending(r => r.CreatedAt)
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .Take(Math.Max(0, query.Limit))
                .ToArray();
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task<bool> TryReplaceAsync(ApprovalRequest updated, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updated);
        lock (_requests)
        {
            if (!_requests.TryGetValue(updated.Id, out var stored) || stored.Version != updated.Version - 1)
            {
                return Task.FromResult(false);
            }

            _requests[updated.Id] = updated;
            return Task.FromResult(true);
        }
    }
}
