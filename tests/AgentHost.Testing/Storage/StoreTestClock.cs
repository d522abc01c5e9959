namespace AgentHost.Testing.Storage;

/// <summary>
/// A settable clock for store tests: starts at the current second and moves only when told to. It starts at the real
/// time (not a fixed date) because DynamoDB Local deletes items whose TTL attribute lies in the past.
/// </summary>
public sealed class StoreTestClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
