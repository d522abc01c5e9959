using AgentHost.Supervision.Masking;
using AgentHost.Supervision.Sentiment;

namespace AgentHost.Supervision.Tests;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("card 4111 1111 1111 1111 ok", "card ••••1111 ok")]
    [InlineData("call +44 20-7946-0958", "call +••••0958")]
    [InlineData("mail jane.doe@example.com now", "mail j***@example.com now")]
    [InlineData("order 12345 is late", "order 12345 is late")]
    [InlineData("", "")]
    public void Mask_Text_HidesNumbersAndAddresses(string text, string expected) => Assert.Equal(expected, TextMasker.Mask(text, 100));

    [Fact]
    public void Mask_LongText_IsCut() => Assert.Equal("abc…", TextMasker.Mask("abcdef", 3));

    [Theory]
    [InlineData("cust-0042", "cu…42")]
    [InlineData("abcd", "***")]
    [InlineData(null, null)]
    [InlineData(" ", null)]
    public void Mask_Customer_KeepsTwoCharactersAtEachEnd(string? reference, string? expected) => Assert.Equal(expected, CustomerMask.Mask(reference));

    [Theory]
    [InlineData("thanks, that was great", 1.0)]
    [InlineData("this is ridiculous and useless", -1.0)]
    [InlineData("not good", -1.0)]
    [InlineData("the parcel", 0.0)]
    [InlineData("great but still broken", -1.0 / 3)]
    public void Score_Text_FollowsTheLexicon(string text, double expected) => Assert.Equal(expected, LexiconSentiment.Score(text), 3);

    [Fact]
    public void Append_Trend_KeepsTheWindow() => Assert.Equal("0.50,-1.00", LexiconSentiment.Append("1.00,0.50", -1, 2));
}
