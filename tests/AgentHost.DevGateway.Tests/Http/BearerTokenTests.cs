using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AgentHost.DevGateway.Tests.Support;
using ModelContextProtocol.Client;

namespace AgentHost.DevGateway.Tests.Http;

public sealed class BearerTokenTests
{
    private const string Token = "dev-token-123";
    private const string ListToolsBody = """{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{}}""";

    [Fact]
    public async Task Request_WithoutToken_IsRejectedWith401AndABearerChallengeAsync()
    {
        await using DevGatewayHandle gateway = await DevGatewayServer.StartAsync(new DevGatewayOptions { BearerToken = Token }, TestContext.Current.CancellationToken);

        using HttpResponseMessage response = await PostAsync(gateway.Endpoint, authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Request_WithAWrongToken_IsRejectedWith401Async()
    {
        await using DevGatewayHandle gateway = await DevGatewayServer.StartAsync(new DevGatewayOptions { BearerToken = Token }, TestContext.Current.CancellationToken);

        using HttpResponseMessage response = await PostAsync(gateway.Endpoint, new AuthenticationHeaderValue("Bearer", "wrong"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithTheToken_IsServedAsync()
    {
        await using DevGatewayHandle gateway = await DevGatewayServer.StartAsync(new DevGatewayOptions { BearerToken = Token }, TestContext.Current.CancellationToken);

        using HttpResponseMessage response = await PostAsync(gateway.Endpoint, new AuthenticationHeaderValue("Bearer", Token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("portfolio___get_portfolio", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task McpClient_WithTheToken_ListsToolsAsync()
    {
        await using GatewayFixture fixture = await GatewayFixture.StartAsync(Token);

        IList<McpClientTool> tools = await fixture.Client.ListToolsAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(tools.Count >= 19);
    }

    [Fact]
    public async Task McpClient_WithoutTheToken_CannotConnectAsync()
    {
        await using DevGatewayHandle gateway = await DevGatewayServer.StartAsync(new DevGatewayOptions { BearerToken = Token }, TestContext.Current.CancellationToken);

        Exception error = await Assert.ThrowsAnyAsync<Exception>(() => GatewayFixture.ConnectAsync(gateway.Endpoint, token: null));

        Assert.Contains("401", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostAsync(Uri endpoint, AuthenticationHeaderValue? authorization)
    {
        using HttpClient http = new();
        using HttpRequestMessage request = new(HttpMethod.Post, endpoint)
        {
            Content = new StringContent(ListToolsBody, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-06-18");
        request.Headers.Authorization = authorization;
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
