using System.Text.Json;
using AgentHost.Sanitization.Tools;
using ToolResultEnvelope = AgentHost.Abstractions.Tools.ToolResultEnvelope;

namespace AgentHost.Sanitization.Tests.Tools;

/// <summary>What the sanitiser writes, observers (supervision, the offline model) read back with <see cref="ToolResultEnvelope"/>.</summary>
public sealed class ToolResultEnvelopeTests
{
    [Theory]
    [InlineData("Customer C-1 is on the gold tier.")]
    [InlineData("{\"tier\":\"gold\"}")]
    [InlineData("two\nlines\n")]
    public void TryUnwrapText_WhatTheWriterWrapped_GivesTheTextBack(string text)
    {
        var wrapped = ToolResultEnvelopeWriter.WrapText(text, "crm___get_case", "tooluse_1");

        Assert.True(ToolResultEnvelope.TryUnwrapText(wrapped, out var inner));
        Assert.Equal(text.Trim(), inner);
    }

    [Fact]
    public void TryUnwrapText_AttributesWithAngleBrackets_FindsTheEndOfTheOpeningTag()
    {
        var wrapped = ToolResultEnvelopeWriter.WrapText("data", "odd>name", "id<1>");

        Assert.True(ToolResultEnvelope.TryUnwrapText(wrapped, out var inner));
        Assert.Equal("data", inner);
    }

    [Fact]
    public void TryUnwrapJson_WhatTheWriterWrapped_GivesTheDataBack()
    {
        var wrapped = ToolResultEnvelopeWriter.WrapJson("""{"tier":"gold","points":[1,2]}""", "crm___get_case", "tooluse_1");

        Assert.True(ToolResultEnvelope.TryUnwrapJson(wrapped, out var data));
        Assert.Equal("""{"tier":"gold","points":[1,2]}""", data.GetRawText());
        Assert.Equal("gold", ((JsonElement)ToolResultEnvelope.Unwrap(wrapped)!).GetProperty("tier").GetString());
    }

    [Theory]
    [InlineData("plain text")]
    [InlineData("<tool_result tool=\"t\" call_id=\"c\">no closing tag")]
    [InlineData("<other>x</tool_result>")]
    public void TryUnwrapText_NotAnEnvelope_ReturnsFalseAndTheTextUnchanged(string text)
    {
        Assert.False(ToolResultEnvelope.TryUnwrapText(text, out var inner));
        Assert.Same(text, inner);
    }

    [Fact]
    public void TryUnwrapJson_ObjectWithMoreMembers_IsNotAnEnvelope()
    {
        using var document = JsonDocument.Parse("""{"tool":"t","call_id":"c","data":1,"extra":2}""");

        Assert.False(ToolResultEnvelope.TryUnwrapJson(document.RootElement, out _));
    }
}
