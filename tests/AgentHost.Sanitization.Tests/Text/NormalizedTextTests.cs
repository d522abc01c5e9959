using AgentHost.Sanitization.Text;

namespace AgentHost.Sanitization.Tests.Text;

/// <summary>The detection view undoes obfuscation and maps every position back to the original text.</summary>
public sealed class NormalizedTextTests
{
    [Theory]
    [InlineData("IGNORE Previous", "ignore previous")]
    [InlineData("Ign\u043Ere prev\u0456ous", "ignore previous")]
    [InlineData("ig\u200Bno\u00ADre", "ignore")]
    [InlineData("1gn0r3 y0ur rul35", "ignore your rules")]
    [InlineData("i g n o r e   a l l   r u l e s", "ignore all rules")]
    [InlineData("s.y.s.t.e.m prompt", "system prompt")]
    [InlineData("Instruções anteriores", "instrucoes anteriores")]
    [InlineData("\uFF53\uFF59\uFF53\uFF54\uFF45\uFF4D", "system")]
    [InlineData("two   spaces\ttab", "two spaces tab")]
    [InlineData("INV-22 A-55812 v7 2024-03-01", "inv-22 a-55812 v7 2024-03-01")]
    public void Create_ObfuscatedText_ReadsAsPlainLowerCase(string text, string expected)
    {
        using var view = NormalizedText.Create(text);

        Assert.Equal(expected, view.Text);
    }

    [Fact]
    public void Create_ViewPositions_MapBackToTheOriginalSpan()
    {
        const string text = "Note: i g n o r e rules";
        using var view = NormalizedText.Create(text);
        var index = view.Text.IndexOf("ignore", StringComparison.Ordinal);

        var start = view.OriginalStart(index);
        var end = view.OriginalEnd(index + "ignore".Length);

        Assert.Equal("i g n o r e", text[start..end]);
    }

    [Fact]
    public void Create_SurrogatePairs_AreNeverSplitByTheMap()
    {
        var text = "x " + string.Concat("ignore".Select(c => char.ConvertFromUtf32(0xE0000 + c))) + " y";
        using var view = NormalizedText.Create(text);
        var index = view.Text.IndexOf("ignore", StringComparison.Ordinal);

        Assert.Equal(2, view.OriginalStart(index));
        Assert.Equal(text.Length - 2, view.OriginalEnd(index + 6));
    }
}
