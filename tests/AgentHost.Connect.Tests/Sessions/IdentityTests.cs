using AgentHost.Connect.Sessions;

namespace AgentHost.Connect.Tests.Sessions;

public sealed class IdentityTests
{
    [Theory]
    [InlineData("4a573372-1f28-4e26-b97b-000000000001")]
    [InlineData("4a573372-1f28-4e26-b97b-XXXXXXXXXXX")]
    [InlineData("short")]
    [InlineData("has spaces and / slashes")]
    public void ForContact_AnyContactId_IsDeterministicAndWithinAgentCoreBounds(string contactId)
    {
        var first = ContactSessionIds.ForContact(contactId);

        Assert.Equal(first, ContactSessionIds.ForContact(contactId));
        Assert.InRange(first.Length, 33, 256);
        Assert.All(first, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' in {first}"));
        Assert.StartsWith(ContactSessionIds.Prefix, first, StringComparison.Ordinal);
    }

    [Fact]
    public void ForContact_UuidContactId_KeepsTheContactIdReadable()
    {
        Assert.Equal("connect-4a573372-1f28-4e26-b97b-000000000001", ContactSessionIds.ForContact("4a573372-1f28-4e26-b97b-000000000001"));
    }

    [Fact]
    public void ForContact_DifferentContacts_GetDifferentSessions()
    {
        Assert.NotEqual(ContactSessionIds.ForContact("short-a"), ContactSessionIds.ForContact("short-b"));
    }

    [Fact]
    public void Derive_SameCounterAndWords_IsTheSameTurn()
    {
        Assert.Equal(TurnIds.Derive(3, "Where is my order?"), TurnIds.Derive(3, "  where is my order?  "));
    }

    [Fact]
    public void Derive_NextCounterOrOtherWords_IsANewTurn()
    {
        var turn = TurnIds.Derive(3, "Where is my order?");

        Assert.NotEqual(turn, TurnIds.Derive(4, "Where is my order?"));
        Assert.NotEqual(turn, TurnIds.Derive(3, "Cancel my order"));
        Assert.StartsWith("turn-0003-", turn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("7", 7)]
    [InlineData("-1", 0)]
    [InlineData("seven", 0)]
    public void ParseCounter_AttributeValue_ReadsAValidCounterElseZero(string? value, int expected)
    {
        Assert.Equal(expected, TurnIds.ParseCounter(value));
    }
}
