using AgentHost.DevGateway;
using AgentHost.Models.Offline.Tests.Support;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Tests.Results;

public sealed class SearchToolTests
{
    [Fact]
    public async Task GetResponseAsync_OnlyTheSearchToolOffered_SearchesWithTheUsersWordsAsync()
    {
        ChatResponse response = await Chat.AskAsync("What is the portfolio of investor LP-001?", CatalogTools.Options(CatalogTools.Only(DevGatewayCatalog.SearchToolName)));

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal(DevGatewayCatalog.SearchToolName, call.Name);
        Assert.Equal("What is the portfolio of investor LP-001?", call.Arguments!["query"]);
    }

    [Fact]
    public async Task GetResponseAsync_NothingElseMatches_UsesALocalSearchToolWithOptionalParametersAsync()
    {
        AIFunctionDeclaration local = AIFunctionFactory.CreateDeclaration("search_tools", "Searches the catalog of tools.", System.Text.Json.JsonDocument.Parse("""
            {"type":"object","properties":{"query":{"type":"string"},"limit":{"type":"integer"}},"required":["query"]}
            """).RootElement);
        ChatOptions options = new() { Tools = [local, .. CatalogTools.Only("crm___get_investor_profile")] };

        ChatResponse response = await Chat.AskAsync("Which trades of LP-001 are pending?", options);

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal("search_tools", call.Name);
        Assert.Equal("Which trades of LP-001 are pending?", call.Arguments!["query"]);
    }

    [Fact]
    public async Task GetResponseAsync_AfterASearch_CallsTheBestFoundToolInTheSameTurnAsync()
    {
        List<ChatMessage> messages = AfterSearch("""{"tools":[{"name":"portfolio___get_positions","description":"List positions"},{"name":"portfolio___get_portfolio","description":"Portfolio summary"}]}""");

        ChatResponse response = await Chat.AskAsync(messages, CatalogTools.Options());

        FunctionCallContent call = Chat.RequireCall(response);
        Assert.Equal("portfolio___get_portfolio", call.Name);
        Assert.Equal("LP-001", call.Arguments!["investorId"]);
    }

    [Fact]
    public async Task GetResponseAsync_AfterASearchWhoseToolsAreNotOffered_ListsWhatWasFoundAsync()
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
