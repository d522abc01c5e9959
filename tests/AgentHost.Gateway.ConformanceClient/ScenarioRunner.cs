using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Tools;
using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.DependencyInjection;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentHost.Gateway.ConformanceClient;

/// <summary>
/// Runs one client scenario through the gateway integration exactly as the host uses it: <c>AddAgentCoreGateways</c>, the
/// hosted refresh service's discovery, <see cref="IToolProvider"/> listing, and tool calls through the <see cref="AIFunction"/>s.
/// </summary>
internal static class ScenarioRunner
{
    private const string SecretVariable = "AGENTHOST_CONFORMANCE_CLIENT_SECRET";

    public static async Task<int> RunAsync(string scenario, Uri server, string? contextJson)
    {
        var gateway = new GatewayOptions { Name = "conformance", Url = server };
        string? protocolVersion = null;
        switch (scenario)
        {
            case "initialize":
                // The scenario tests the initialize handshake: its server expects initialize as the first message, so the
                // revision is pinned (as the SDK's own conformance client does) instead of probing 2026-07-28 first.
                protocolVersion = "2025-11-25";
                break;
            case "sse-retry":
                // The scenario's server predates 2026-07-28: it answers any unknown request (the server/discover probe) with an
                // empty result and every initialize with 2025-03-26, whatever was asked. A pinned revision must be answered as
                // requested, so this scenario pins the one its server speaks.
                protocolVersion = "2025-03-26";
                break;
            case "auth/client-credentials-basic":
                await ConfigureClientCredentialsAsync(gateway, server, contextJson);
                break;
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole().SetMinimumLevel(LogLevel.Information));
        services.AddAgentCoreGateways(o =>
        {
            o.ReadEnvironment = false;
            o.ProtocolVersion = protocolVersion;
            o.Gateways.Add(gateway);
        });
        await using var provider = services.BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        try
        {
            var tools = provider.GetRequiredService<GatewayToolProvider>();
            if (!await tools.WaitForDiscoveryAsync(TimeSpan.FromSeconds(20)))
            {
                await Console.Error.WriteLineAsync("The gateway's tools were not discovered.");
                return 1;
            }

            var invocation = new InvocationContext { SessionId = "conformance-session", TurnId = "turn-1" };
            var listed = await provider.GetRequiredService<IToolProvider>().GetToolsAsync(
                new ToolSelectionContext(invocation, [new ChatMessage(ChatRole.User, scenario)], 1));
            Console.WriteLine($"Tools: {string.Join(", ", listed.Select(t => t.Name))}");
            return scenario switch
            {
                "tools_call" => await CallAsync(tools, invocation, "add_numbers", new() { ["a"] = 5, ["b"] = 10 }),
                "sse-retry" => await CallAsync(tools, invocation, "test_reconnection", []),
                _ => 0,
            };
        }
        finally
        {
            foreach (var service in hosted)
            {
                await service.StopAsync(CancellationToken.None);
            }
        }
    }

    private static async Task<int> CallAsync(GatewayToolProvider tools, InvocationContext invocation, string name, Dictionary<string, object?> arguments)
    {
        var function = await tools.ResolveAsync(name) ?? throw new InvalidOperationException($"The server offers no tool '{name}'.");
        var result = await function.InvokeAsync(new AIFunctionArguments(arguments) { Context = new Dictionary<object, object?> { [ToolInvocation.InvocationKey] = invocation } });
        Console.WriteLine($"{name}: {result}");
        return 0;
    }

    /// <summary>
    /// The host takes a CUSTOM_JWT gateway's token endpoint and client from its configuration; here they come from the
    /// scenario: the token endpoint from the server's protected-resource metadata and its authorisation server's metadata,
    /// the client id and secret from the scenario context.
    /// </summary>
    private static async Task ConfigureClientCredentialsAsync(GatewayOptions gateway, Uri server, string? contextJson)
    {
        using var context = JsonDocument.Parse(contextJson ?? throw new InvalidOperationException("The scenario gave no MCP_CONFORMANCE_CONTEXT."));
        using var http = new HttpClient();
        var resourceMetadata = await GetJsonAsync(http, new Uri(server, "/.well-known/oauth-protected-resource" + server.AbsolutePath))
            ?? await GetJsonAsync(http, new Uri(server, "/.well-known/oauth-protected-resource"))
            ?? throw new InvalidOperationException("The server publishes no protected-resource metadata.");
        var issuer = new Uri(resourceMetadata.RootElement.GetProperty("authorization_servers")[0].GetString()!);
        var path = issuer.AbsolutePath.TrimEnd('/');
        var serverMetadata = await GetJsonAsync(http, new Uri(issuer, "/.well-known/oauth-authorization-server" + path))
            ?? await GetJsonAsync(http, new Uri(issuer, "/.well-known/openid-configuration" + path))
            ?? throw new InvalidOperationException("The authorisation server publishes no metadata.");
        gateway.AuthType = GatewayAuthType.CustomJwt;
        gateway.TokenEndpoint = new Uri(serverMetadata.RootElement.GetProperty("token_endpoint").GetString()!);
        gateway.ClientId = context.RootElement.GetProperty("client_id").GetString();
        gateway.ClientSecretVariable = SecretVariable;
        Environment.SetEnvironmentVariable(SecretVariable, context.RootElement.GetProperty("client_secret").GetString());
        if (resourceMetadata.RootElement.TryGetProperty("scopes_supported", out var scopes) && scopes.ValueKind == JsonValueKind.Array)
        {
            foreach (var scope in scopes.EnumerateArray())
            {
                gateway.Scopes.Add(scope.GetString()!);
            }
        }
    }

    private static async Task<JsonDocument?> GetJsonAsync(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()) : null;
    }
}
