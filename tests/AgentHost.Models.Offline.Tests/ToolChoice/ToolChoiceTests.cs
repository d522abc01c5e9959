using System.Globalization;
using AgentHost.Models.Offline.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.ToolChoice;

public sealed class ToolChoiceTests
{
    [Theory]
    [MemberData(nameof(PromptTable.Rows), MemberType = typeof(PromptTable))]
    public async Task GetResponseAsync_PromptFromTheTable_CallsTheExpectedToolWithTheExpectedArgumentsAsync(string prompt, string tool, string arguments)
    {
        ChatResponse response = await Chat.AskAsync(prompt);

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal(tool, call.Name);
        Dictionary<string, string> expected = arguments.Split(';').Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a[1]);
        Dictionary<string, string?> actual = (call.Arguments ?? new Dictionary<string, object?>())
            .ToDictionary(a => a.Key, a => Convert.ToString(a.Value, CultureInfo.InvariantCulture));
        Assert.Equal(expected.OrderBy(e => e.Key), actual.Where(a => expected.ContainsKey(a.Key)).OrderBy(a => a.Key)!);
        Assert.All(expected.Keys, k => Assert.True(actual.ContainsKey(k), $"missing {k}"));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public void PromptTable_Rows_AreAtLeast30CoveringAtLeast18Tools()
    {
        Assert.True(PromptTable.Rows.Count >= 30);
        Assert.True(PromptTable.Rows.Select(r => (string)r.Data.Item2).Distinct().Count() >= 18);
    }

    [Fact]
    public async Task GetResponseAsync_AmountArgument_IsANumberNotTextAsync()
    {
        ChatResponse response = await Chat.AskAsync("Withdraw $2,500 from LP-002's account");

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal(2500m, Assert.IsType<decimal>(call.Arguments!["amount"]));
    }

    [Fact]
    public async Task GetResponseAsync_ToolCallIds_AreFreshPerTurnAndDeterministicForTheSameConversationAsync()
    {
        ChatResponse first = await Chat.AskAsync("What is the portfolio of investor LP-001?");
        ChatResponse again = await Chat.AskAsync("What is the portfolio of investor LP-001?");
        ChatResponse other = await Chat.AskAsync("What is the portfolio of investor LP-002?");

        Assert.Equal(Chat.RequireCall(first).CallId, Chat.RequireCall(again).CallId);
        Assert.NotEqual(Chat.RequireCall(first).CallId, Chat.RequireCall(other).CallId);
    }

    [Fact]
    public async Task GetResponseAsync_RequiredToolMode_RestrictsTheChoiceToTheNamedToolAsync()
    {
        ChatOptions options = CatalogTools.Options();
        options.ToolMode = ChatToolMode.RequireSpecific("crm___get_investor_profile");

        ChatResponse response = await Chat.AskAsync("What is the portfolio of investor LP-001?", options);

        Assert.Equal("crm___get_investor_profile", Chat.RequireCall(response).Name);
    }

    [Fact]
    public async Task GetResponseAsync_ToolModeNone_NeverCallsAToolAsync()
    {
        ChatOptions options = CatalogTools.Options();
        options.ToolMode = ChatToolMode.None;

        ChatResponse response = await Chat.AskAsync("What is the portfolio of investor LP-001?", options);

        Assert.Null(Chat.Call(response));
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task GetResponseAsync_UnrelatedRequestWithOnlyCatalogTools_GetsAnHonestAnswerWithoutACallAsync()
    {
        ChatResponse response = await Chat.AskAsync("Recommend a good pizza recipe", CatalogTools.Options(CatalogTools.WithoutSearch));

        Assert.Null(Chat.Call(response));
        Assert.Contains("not a language model", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponseAsync_UnrelatedRequestWithTheGatewaySearchToolOffered_FallsBackToItAsync()
    {
        ChatResponse response = await Chat.AskAsync("Recommend a good pizza recipe");

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal(OfflineChatClient.GatewaySearchToolName, call.Name);
        Assert.Equal("Recommend a good pizza recipe", call.Arguments!["query"]);
    }

    [Fact]
    public async Task GetResponseAsync_AdditionalSynonyms_ExtendTheVocabularyAsync()
    {
        OfflineChatClientOptions options = new();
        options.AdditionalSynonyms["pension"] = ["portfolio"];

        ChatResponse response = await Chat.AskAsync("How is the pension of LP-001 doing?", CatalogTools.Options(CatalogTools.WithoutSearch), options);

        Assert.Equal("portfolio___get_portfolio", Chat.RequireCall(response).Name);
    }
}
