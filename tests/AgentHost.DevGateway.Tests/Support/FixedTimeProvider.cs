namespace AgentHost.DevGateway.Tests.Support;

/// <summary>A clock stopped at a given instant, so tool timestamps are deterministic.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static readonly FixedTimeProvider Default = new(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
