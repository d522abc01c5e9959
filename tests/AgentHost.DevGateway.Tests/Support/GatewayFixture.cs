using System.Text.Json;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace AgentHost.DevGateway.Tests.Support;

/// <summary>A fresh gateway on an ephemeral loopback port plus an MCP client connected to it over real HTTP.</summary>
internal sealed class GatewayFixture : IAsyncDisposable
{
    private GatewayFixture(DevGatewayHandle gateway, McpClient client)
    {
        Gateway = gateway;
        Client = client;
    }

    public DevGatewayHandle Gateway { get; }

    public McpClient Client { get; }

    public static async Task<GatewayFixture> StartAsync(string? token = null)
    {
        DevGatewayHandle gateway = await DevGatewayServer.StartAsync(
            new DevGatewayOptions { BearerToken = token, TimeProvider = FixedTimeProvider.Default },
            TestContext.Current.CancellationToken);
        try
        {
            McpClient client = await ConnectAsync(gateway.Endpoint, token);
            return new GatewayFixture(gateway, client);
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    public static async Task<McpClient> ConnectAsync(Uri endpoint, string? token)
    {
        HttpClientTransportOptions options = new()
        {
            Endpoint = endpoint,
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = token is null ? null : new Dictionary<string, string> { ["Authorization"] = "Bearer " + token },
        };
        return await McpClient.CreateAsync(new HttpClientTransport(options), cancellationToken: TestContext.Current.CancellationToken);
    }

    public async Task<CallToolResult> CallAsync(string tool, object? arguments = null)
    {
        Dictionary<string, object?> args = [];
        if (arguments is not null)
        {
            foreach (System.Reflection.PropertyInfo property in arguments.GetType().GetProperties())
            {
                args[property.Name] = property.GetValue(arguments);
            }
        }

        return await Client.CallToolAsync(tool, args, cancellationToken: TestContext.Current.CancellationToken);
    }

    public async Task<JsonElement> CallOkAsync(string tool, object? arguments = null)
    {
        CallToolResult result = await CallAsync(tool, arguments);
        Assert.True(result.IsError is not true, $"{tool} failed: {Text(result)}");
        Assert.NotNull(result.StructuredContent);
        return result.StructuredContent.Value;
    }

    public static string Text(CallToolResult result) =>
        string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
