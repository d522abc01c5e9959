namespace AgentHost.Abstractions.Conversations;

/// <summary>
/// Which sessions an in-memory store keeps: at most <see cref="Capacity"/>, the least recently touched evicted first, in
/// constant time. In-memory stores (conversations, audit, intents, the activity feed) use it so that a long-running host on
/// <c>AGENTHOST_STORE=memory</c> holds a bounded amount of state. Not thread-safe: the store's own lock guards it.
/// </summary>
public sealed class RecentSessions
{
    /// <summary>The default capacity: 10,000 sessions (the in-memory conversation store's).</summary>
    public const int DefaultCapacity = 10_000;

    private readonly Dictionary<string, LinkedListNode<string>> _nodes = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _order = new();

    /// <summary>Creates the index.</summary>
    /// <param name="capacity">The most sessions kept. Default: <see cref="DefaultCapacity"/>.</param>
    public RecentSessions(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>The most sessions kept.</summary>
    public int Capacity { get; }

    /// <summary>How many sessions are kept now.</summary>
    public int Count => _nodes.Count;

    /// <summary>Marks <paramref name="sessionId"/> as just used; returns the session evicted to make room for it, or null.</summary>
    public string? Touch(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        if (_nodes.TryGetValue(sessionId, out var node))
        {
            _order.Remove(node);
            _order.AddLast(node);
            return null;
        }

        string? evicted = null;
        if (_nodes.Count >= Capacity && _order.First is { } oldest)
        {
            evicted = oldest.Value;
            _order.RemoveFirst();
            _nodes.Remove(evicted);
        }

        _nodes[sessionId] = _order.AddLast(sessionId);
        return evicted;
    }
}
