using AgentHost.Connect.Text;

namespace AgentHost.Connect.Tests.Text;

public sealed class SpokenTextTests
{
    [Fact]
    public void Prepare_Markdown_SpeaksTheWordsWithoutTheMarkup()
    {
        var text = """
            ## Your portfolio
            Here is the **portfolio** for `LP-001`:
            - Equities: 60%
            - Bonds: 40%
            See [the statement](https://example.com/statement.pdf) & call us.
            """;

        var spoken = SpokenText.Prepare(text, 600);

        Assert.Equal("Your portfolio. Here is the portfolio for LP-001: Equities: 60%. Bonds: 40%. See the statement and call us.", spoken);
    }

    [Fact]
    public void Prepare_MarkupAndUrls_RemovesTagsAndReadsNoAddresses()
    {
        var spoken = SpokenText.Prepare("<b>Hi</b> <speak>there</speak>. Visit https://example.com/a?b=c now, 3 < 4 > 2.", 600);

        Assert.DoesNotContain('<', spoken);
        Assert.DoesNotContain('>', spoken);
        Assert.DoesNotContain("https", spoken, StringComparison.Ordinal);
        Assert.Contains("Visit the link now", spoken, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_Table_ReadsRowsAsSentences()
    {
        var spoken = SpokenText.Prepare("| Fund | Value |\n|---|---|\n| Alpha | 10 |", 600);

        Assert.Equal("Fund, Value. Alpha, 10.", spoken);
    }

    [Fact]
    public void Prepare_LongAnswer_IsCutAtTheLastSentenceEndThatFits()
    {
        var spoken = SpokenText.Prepare("First sentence is here. Second sentence is a little longer. Third one never fits in the limit.", 60);

        Assert.Equal("First sentence is here. Second sentence is a little longer.", spoken);
    }

    [Fact]
    public void CutAtSentence_NoSentenceEnd_CutsAtAWordAndEndsTheSentence()
    {
        var cut = SpokenText.CutAtSentence("one two three four five six seven", 16);

        Assert.Equal("one two three.", cut);
        Assert.True(cut.Length <= 16);
    }

    [Fact]
    public void Prepare_RandomText_NeverExceedsTheLimitOrHoldsCharactersThatBreakSsml()
    {
        var random = new Random(20261205);
        const string alphabet = "abc XYZ 019 .,!?;:*_#`~|<>&[](){}\\/-+\n\t'\"";
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = alphabet[random.Next(alphabet.Length)];
            }

            var limit = random.Next(1, 300);
            var spoken = SpokenText.Prepare(new string(chars), limit);

            Assert.True(spoken.Length <= limit, $"{spoken.Length} > {limit}: {spoken}");
            Assert.True(spoken.IndexOfAny(['<', '>', '&', '*', '#', '`', '|']) < 0, spoken);
        }
    }

    [Fact]
    public void ChatText_Markdown_IsKeptAndCut()
    {
        Assert.Equal("**Bold** answer.", ChatText.Prepare("  **Bold** answer. More words after the limit.  ", 20));
    }

    [Theory]
    [InlineData("+447700900123", "+*********123")]
    [InlineData("+1234567890", "+*******890")]
    [InlineData("12345", "*****")]
    [InlineData(null, null)]
    public void Mask_Endpoint_ShowsOnlyTheLastDigits(string? address, string? expected)
    {
        Assert.Equal(expected, EndpointMask.Mask(address));
    }
}
