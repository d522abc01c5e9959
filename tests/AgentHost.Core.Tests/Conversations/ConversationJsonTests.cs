using System.Text;
using System.Text.Json;
using AgentHost.Abstractions.Conversations;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tests.Conversations;

/// <summary>
/// The stored message format without reflection-based JSON, as the trimmed container image runs it
/// (Directory.Build.props turns the reflection fallback off for the tests too).
/// </summary>
public sealed class ConversationJsonTests
{
    [Fact]
    public void Tests_RunWithoutReflectionBasedJson_LikeTheTrimmedImage()
    {
        Assert.False(JsonSerializer.IsReflectionEnabledByDefault);
    }

    [Fact]
    public void Messages_WithTextToolCallsAndResults_RoundTripWithoutReflection()
    {
        using var input = JsonDocument.Parse("""{"customerId":"C-1042"}""");
        using var result = JsonDocument.Parse("""{"tier":"gold","memberSince":2017}""");
        ChatMessage[] messages =
        [
            new(ChatRole.User, "What tier is customer C-1042 on?"),
            new(ChatRole.Assistant, [
                new TextContent("Let me look."),
                new FunctionCallContent("tooluse_1", "get_customer_profile", new Dictionary<string, object?>
                {
                    ["customerId"] = input.RootElement.GetProperty("customerId").Clone(),
                    ["fields"] = new[] { "tier", "memberSince" },
                    ["limit"] = 3,
                }),
            ]),
            new(ChatRole.Tool, [new FunctionResultContent("tooluse_1", result.RootElement.Clone())]),
            new(ChatRole.Assistant, [new TextContent("Gold, since 2017."), new UsageContent(new UsageDetails { InputTokenCount = 150, OutputTokenCount = 30 })]),
        ];

        var restored = ConversationJson.DeserializeMessages(ConversationJson.SerializeMessages(messages));

        Assert.Equal(4, restored.Count);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.Tool, ChatRole.Assistant], restored.Select(m => m.Role));
        Assert.Equal("What tier is customer C-1042 on?", restored[0].Text);
        var call = Assert.IsType<FunctionCallContent>(restored[1].Contents[1]);
        Assert.Equal(("tooluse_1", "get_customer_profile"), (call.CallId, call.Name));
        Assert.Equal("C-1042", ((JsonElement)call.Arguments!["customerId"]!).GetString());
        Assert.Equal("""["tier","memberSince"]""", ((JsonElement)call.Arguments["fields"]!).GetRawText());
        Assert.Equal(3, ((JsonElement)call.Arguments["limit"]!).GetInt32());
        var toolResult = Assert.IsType<FunctionResultContent>(Assert.Single(restored[2].Contents));
        Assert.Equal("gold", ((JsonElement)toolResult.Result!).GetProperty("tier").GetString());
        Assert.Equal(150, Assert.IsType<UsageContent>(restored[3].Contents[1]).Details.InputTokenCount);
    }

    [Fact]
    public void Messages_Serialized_AreAPlainJsonArrayOfMessages()
    {
        var json = Encoding.UTF8.GetString(ConversationJson.SerializeMessages([new ChatMessage(ChatRole.User, "hi")]));

        using var document = JsonDocument.Parse(json);
        var message = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal("user", message.GetProperty("role").GetString());
    }

    [Fact]
    public void Messages_Empty_RoundTripAsAnEmptyList()
    {
        Assert.Empty(ConversationJson.DeserializeMessages(ConversationJson.SerializeMessages([])));
    }

    [Theory]
    [InlineData("null", "null")]
    [InlineData("""{"role":"user"}""", "StartObject")]
    [InlineData("""[{"role":"user","contents":[]}""", "depth")]
    [InlineData("[null]", "was null")]
    public void DeserializeMessages_OfSomethingElse_ThrowsJsonExceptionSayingWhat(string json, string expected)
    {
        var error = Assert.ThrowsAny<JsonException>(() => ConversationJson.DeserializeMessages(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Options_PlainCollectionsThatCodeBuilds_SerializeWithoutReflection()
    {
        object[] values =
        [
            new[] { "a", "b" },
            new List<int> { 1, 2 },
            new Dictionary<string, string> { ["k"] = "v" },
            new Dictionary<string, object?> { ["n"] = 1, ["s"] = "x" },
            new DateTimeOffset(2026, 11, 22, 6, 0, 0, TimeSpan.Zero),
        ];

        var json = values.Select(v => JsonSerializer.Serialize(v, ConversationJson.Options.GetTypeInfo(v.GetType()))).ToArray();

        Assert.Equal(["""["a","b"]""", "[1,2]", """{"k":"v"}""", """{"n":1,"s":"x"}""", "\"2026-11-22T06:00:00+00:00\""], json);
    }

    [Fact]
    public void ToElement_JsonNullOrPlainValue_IsTheSameJsonAsTheValue()
    {
        using var document = JsonDocument.Parse("""{"a":[1,2]}""");

        Assert.Equal(JsonValueKind.Null, ConversationJson.ToElement(null).ValueKind);
        Assert.Equal("""{"a":[1,2]}""", ConversationJson.ToElement(document.RootElement).GetRawText());
        Assert.Equal("""["x","y"]""", ConversationJson.ToElement(new[] { "x", "y" }).GetRawText());
        Assert.Throws<NotSupportedException>(() => ConversationJson.ToElement(new Uncatalogued("n")));
    }

    [Fact]
    public void Options_ForATypeWithoutMetadata_FailWithNotSupportedInsteadOfReflecting()
    {
        Assert.Throws<NotSupportedException>(() => ConversationJson.Options.GetTypeInfo(typeof(Uncatalogued)));
    }

    private sealed record Uncatalogued(string Name);
}
