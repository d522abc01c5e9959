using AgentHost.Abstractions.Conversations;

namespace AgentHost.Core.Tests.Conversations;

public sealed class RecentSessionsTests
{
    [Fact]
    public void Touch_BeyondCapacity_EvictsTheLeastRecentlyTouchedSession()
    {
        var recent = new RecentSessions(capacity: 2);

        Assert.Null(recent.Touch("a"));
        Assert.Null(recent.Touch("b"));
        Assert.Null(recent.Touch("a")); // a is now the most recent
        Assert.Equal("b", recent.Touch("c"));
        Assert.Equal("a", recent.Touch("d"));
        Assert.Equal(2, recent.Count);
    }

    [Fact]
    public void Constructor_ZeroCapacity_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RecentSessions(0));
}
