namespace AgentHost.Abstractions.Supervision;

/// <summary>
/// An <see cref="IActivityFeed"/> that can store the batches of several sessions in one write (one transaction), which the
/// runtime's publisher prefers when it flushes many conversations at once: the cost of a store write is then shared by every
/// session in it instead of paid per session.
/// </summary>
/// <remarks>
/// The rules of <see cref="IActivityFeed.AppendAsync"/> hold for each batch; all the batches are stored, or none is (the
/// publisher then counts all their events as dropped).
/// </remarks>
public interface IActivityFeedBatchWriter
{
    /// <summary>Appends each session's batch and updates its summary, all in one write.</summary>
    Task AppendManyAsync(IReadOnlyList<ActivityBatch> batches, CancellationToken cancellationToken = default);
}

/// <summary>One session's events and the change they make to its summary.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Events">Its events, in the order they happened.</param>
/// <param name="Update">The change to its summary.</param>
public sealed record ActivityBatch(string SessionId, IReadOnlyList<ActivityEvent> Events, LiveSessionUpdate Update);
