using System.Globalization;
using AgentHost.Models.Offline.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.ToolChoice;

public sealed class ToolChoiceTests
{
    [Theory]
    [MemberData(nameof(PromptTable.Rows), MemberType = typeof(PromptTable))]
    public async Task Prompt_calls_the_expected_tool_with_the_expected_arguments(string prompt, string tool, string arguments)
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
    public void Prompt_table_has_at_least_30_rows_covering_at_least_18_tools()
    {
        Assert.True(PromptTable.Rows.Count >= 30);
        Assert.True(PromptTable.Rows.Select(r => (string)r.Data.Item2).Distinct().Count() >= 18);
    }

    [Fact]
    public async Task Amount_argument_is_a_number_not_text()
    {
        ChatResponse response = await Chat.AskAsync("Withdraw $2,500 from LP-002's account");

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal(2500m, Assert.IsType<decimal>(call.Arguments!["amount"]));
    }

    [Fact]
    public async Task Tool_call_ids_are_fresh_per_turn_and_deterministic_for_the_same_conversation()
    {
        ChatResponse first = await Chat.AskAsync("What is the portfolio of investor LP-001?");
        ChatResponse again = await Chat.AskAsync("What is the portfolio of investor LP-001?");
        ChatResponse other = await Chat.AskAsync("What is the portfolio of investor LP-002?");

        Assert.Equal(Chat.RequireCall(first).CallId, Chat.RequireCall(again).CallId);
        Assert.NotEqual(Chat.RequireCall(first).CallId, Chat.RequireCall(other).CallId);
    }

    [Fact]
    public async Task Required_tool_mode_restricts_the_choice_to_the_named_tool()
    {
        ChatOptions options = CatalogTools.Options();
        options.ToolMode = ChatToolMode.RequireSpecific("crm___get_investor_profile");

        ChatResponse response = await Chat.AskAsync("What is the portfolio of investor LP-001?", options);

        Assert.Equal("crm___get_investor_profile", Chat.RequireCall(response).Name);
    }

    [Fact]
    public async Task Tool_mode_none_never_calls_a_tool()
    {
        ChatOptions options = CatalogTools.Options();
        options.ToolMode = ChatToolMode.None;

        ChatResponse response = await Chat.AskAsync("What is the portfolio of investor LP-001?", options);

        Assert.Null(Chat.Call(response));
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task Unrelated_request_with_only_catalog_tools_gets_an_honest_answer_without_a_call()
    {
        ChatResponse response = await Chat.AskAsync("Recommend a good pizza recipe", CatalogTools.Options(CatalogTools.WithoutSearch));

        Assert.Null(Chat.Call(response));
        Assert.Contains("not a language model", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unrelated_request_falls_back_to_the_gateway_search_tool_when_offered()
    {
        ChatResponse response = await Chat.AskAsync("Recommend a good pizza recipe");

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal(OfflineChatClient.GatewaySearchToolName, call.Name);
        Assert.Equal("Recommend a good pizza recipe", call.Arguments!["query"]);
    }

    [Fact]
    public async Task Additional_synonyms_extend_the_vocabulary()
    {
        OfflineChatClientOptions options = new();
        options.AdditionalSynonyms["pension"] = ["portfolio"];

        ChatResponse response = await Chat.AskAsync("How is the pension of LP-001 doing?", CatalogTools.Options(CatalogTools.WithoutSearch), options);

        Assert.Equal("portfolio___get_portfolio", Chat.RequireCall(response).Name);
    }
}
