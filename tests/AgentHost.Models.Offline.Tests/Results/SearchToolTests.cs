using AgentHost.DevGateway;
using AgentHost.Models.Offline.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.Results;

public sealed class SearchToolTests
{
    [Fact]
    public async Task With_only_the_search_tool_offered_the_model_searches_with_the_users_words()
    {
        ChatResponse response = await Chat.AskAsync("What is the portfolio of investor LP-001?", CatalogTools.Options(CatalogTools.Only(DevGatewayCatalog.SearchToolName)));

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal(DevGatewayCatalog.SearchToolName, call.Name);
        Assert.Equal("What is the portfolio of investor LP-001?", call.Arguments!["query"]);
    }

    [Fact]
    public async Task After_a_search_the_model_calls_the_best_found_tool_in_the_same_turn()
    {
        List<ChatMessage> messages = AfterSearch("""{"tools":[{"name":"portfolio___get_positions","description":"List positions"},{"name":"portfolio___get_portfolio","description":"Portfolio summary"}]}""");

        ChatResponse response = await Chat.AskAsync(messages, CatalogTools.Options());

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal("portfolio___get_portfolio", call.Name);
        Assert.Equal("LP-001", call.Arguments!["investorId"]);
    }

    [Fact]
    public async Task After_a_search_whose_tools_are_not_offered_the_model_lists_what_was_found()
    {
        List<ChatMessage> messages = AfterSearch("""{"tools":[{"name":"portfolio___get_portfolio","description":"Get an investor's portfolio summary. More text."}]}""");

        ChatResponse response = await Chat.AskAsync(messages, CatalogTools.Options(CatalogTools.Only(DevGatewayCatalog.SearchToolName)));

        Assert.Null(Chat.Call(response));
        Assert.Equal("The tool search found 1 matching tool:\n- portfolio___get_portfolio: Get an investor's portfolio summary.", response.Text);
    }

    private static List<ChatMessage> AfterSearch(string result) =>
    [
        new(ChatRole.User, "What is the portfolio of investor LP-001?"),
        new(ChatRole.Assistant, [new FunctionCallContent("s1", DevGatewayCatalog.SearchToolName, new Dictionary<string, object?> { ["query"] = "What is the portfolio of investor LP-001?" })]),
        new(ChatRole.Tool, [new FunctionResultContent("s1", result)]),
    ];
}
