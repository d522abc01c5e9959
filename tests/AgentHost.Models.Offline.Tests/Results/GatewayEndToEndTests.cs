using AgentHost.DevGateway;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;

namespace AgentHost.Models.Offline.Tests.Results;

/// <summary>The offline model driving the real development gateway over HTTP, with a minimal tool loop.</summary>
public sealed class GatewayEndToEndTests
{
    [Fact]
    public async Task OfflineModelOverDevGateway_PortfolioQuestion_IsAnsweredFromTheDevGatewayInPlainSentencesAsync()
    {
        await using DevGatewayHandle gateway = await DevGatewayServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using McpClient mcp = await Connect(gateway);
        List<ChatMessage> history = [];

        string answer = await Turn(mcp, history, "What is the portfolio of investor LP-001?");

        Assert.StartsWith("Here is the portfolio for LP-001:", answer, StringComparison.Ordinal);
        Assert.Contains("- Name: Eleanor Whitfield", answer, StringComparison.Ordinal);
        Assert.Contains("- Total value: ", answer, StringComparison.Ordinal);
        Assert.Contains("- Allocation (", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfflineModelOverDevGateway_CaseCreatedInOneTurn_IsReadBackInTheNextAsync()
    {
        await using DevGatewayHandle gateway = await DevGatewayServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using McpClient mcp = await Connect(gateway);
        List<ChatMessage> history = [];

        string created = await Turn(mcp, history, "Create a case for LP-003 about a missing dividend payment");
        string read = await Turn(mcp, history, "What's happening with case C-1049?");

        Assert.Contains("- Case id: C-1049", created, StringComparison.Ordinal);
        Assert.StartsWith("Here is the case for C-1049:", read, StringComparison.Ordinal);
        Assert.Contains("- Subject: a missing dividend payment", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OfflineModelOverDevGateway_UnknownInvestor_IsReportedAsTheGatewaysErrorAsync()
    {
        await using DevGatewayHandle gateway = await DevGatewayServer.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using McpClient mcp = await Connect(gateway);

        string answer = await Turn(mcp, [], "What is the portfolio of investor LP-099?");

        Assert.Equal("Sorry, I couldn't get portfolio: No investor with id LP-099 was found.", answer);
    }

    private static async Task<McpClient> Connect(DevGatewayHandle gateway) =>
        await McpClient.CreateAsync(
            new HttpClientTransport(new HttpClientTransportOptions { Endpoint = gateway.Endpoint, TransportMode = HttpTransportMode.StreamableHttp }),
            cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Runs one user turn: model, tool calls through MCP, model again, until the model stops.</summary>
    private static async Task<string> Turn(McpClient mcp, List<ChatMessage> history, string prompt)
    {
        IList<McpClientTool> tools = await mcp.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);
        ChatOptions options = new() { Tools = [.. tools] };
        using OfflineChatClient model = new();
        history.Add(new ChatMessage(ChatRole.User, prompt));
        for (int step = 0; step < 4; step++)
        {
            ChatResponse response = await model.GetResponseAsync(history, options, TestContext.Current.CancellationToken);
            history.AddRange(response.Messages);
            List<FunctionCallContent> calls = [.. response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()];
            if (calls.Count == 0)
            {
                return response.Text;
            }

            List<AIContent> results = [];
            foreach (FunctionCallContent call in calls)
            {
                McpClientTool tool = tools.Single(t => t.Name == call.Name);
                object? result = await tool.InvokeAsync(new AIFunctionArguments(call.Arguments), TestContext.Current.CancellationToken);
                results.Add(new FunctionResultContent(call.CallId, result));
            }

            history.Add(new ChatMessage(ChatRole.Tool, results));
        }

        throw new Xunit.Sdk.XunitException("The model kept calling tools.");
    }
}
