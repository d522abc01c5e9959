using System.Globalization;
using System.Net;
using AgentHost.Deploy.Tests.Docker;
using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.Restore;

/// <summary>
/// AgentCore Runtime V2 starts a session by restoring a snapshot of a container taken after it started, so every connection,
/// MCP session and token the host made at start-up belongs to a world that is gone. The stand-in here: the container's own
/// binary (the linux-x64 replay of the Dockerfile's publish) starts against an MCP peer and a Bedrock Runtime, then both are
/// restarted on the same ports (every connection closed, every MCP session forgotten), and the next invocation must succeed
/// as if nothing happened: a tool call through a new MCP session, both model turns through new connections, no error logged.
/// </summary>
public sealed class SnapshotRestoreTests(NativePublishFixture publishes)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Invocation_AfterEveryStartupConnectionWasBroken_SucceedsThroughNewConnectionsAndANewMcpSessionAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var publish = await publishes.PublishAsync("linux-x64");
        var mcpPort = PublishedServer.FreePort();
        var bedrockPort = PublishedServer.FreePort();
        var peer = await McpPeerProcess.StartAsync(mcpPort);
        var bedrock = await FakeBedrockRuntime.StartAsync(bedrockPort);
        try
        {
            using var data = new TempDirectory("agenthost-restore-data");
            using var server = PublishedServer.Start(publish, data.Path, new Dictionary<string, string>
            {
                ["AGENTHOST_MODEL_PROVIDER"] = "bedrock",
                ["AGENTHOST_MODEL_ID"] = "fake.model-v1:0",
                ["AWS_REGION"] = "us-east-1",
                ["AWS_ACCESS_KEY_ID"] = "AKIDRESTORETEST",
                ["AWS_SECRET_ACCESS_KEY"] = "restore/test+secret",
                ["AWS_EC2_METADATA_DISABLED"] = "true",
                ["AWS_ENDPOINT_URL_BEDROCK_RUNTIME"] = $"http://127.0.0.1:{bedrockPort.ToString(CultureInfo.InvariantCulture)}",
                ["AGENTCORE_GATEWAY_PEER_URL"] = peer.Url.ToString(),
                ["AGENTCORE_GATEWAY_PEER_AUTH_TYPE"] = "NONE",
            });
            await server.WaitForHealthyAsync(cancellationToken);
            var startupStats = await peer.StatsAsync(cancellationToken);
            Assert.Equal(1, startupStats.GetProperty("sessions").GetInt32());

            // Round 1: the "restore" right after start-up (the snapshot point). Round 2: again, after a turn has left pooled
            // connections to both and a used MCP session behind.
            for (var round = 1; round <= 2; round++)
            {
                await peer.DisposeAsync();
                await bedrock.DisposeAsync();
                peer = await McpPeerProcess.StartAsync(mcpPort);
                bedrock = await FakeBedrockRuntime.StartAsync(bedrockPort);

                var customer = "C-104" + round.ToString(CultureInfo.InvariantCulture);
                var (status, body) = await server.InvokeAsync($"restore-round-{round}-00000000000000000000000001", $$"""{"prompt":"What tier is customer {{customer}} on? Use the tools."}""", cancellationToken);

                Assert.True(status == HttpStatusCode.OK, $"round {round}: {(int)status} {body}\n{server.Output}");
                var call = Assert.Single(body.GetProperty("toolCalls").EnumerateArray());
                Assert.EndsWith("get_customer_profile", call.GetProperty("name").GetString(), StringComparison.Ordinal);
                Assert.Equal("success", call.GetProperty("status").GetString());
                Assert.Contains($"({customer}) is a", body.GetProperty("text").GetString(), StringComparison.Ordinal);
                Assert.Equal(2, bedrock.Requests);
                var stats = await peer.StatsAsync(cancellationToken);
                Assert.Equal(1, stats.GetProperty("callTool").GetInt32());
                Assert.Equal(1, stats.GetProperty("sessions").GetInt32());
            }

            // One re-initialisation per restore, found by the tool call's 404 (the gateway forgot the session).
            var reinitialisations = server.Output.Split('\n').Count(l => l.Contains("answered 404; re-authenticating, re-initialising the MCP session", StringComparison.Ordinal));
            Assert.True(reinitialisations == 2, $"{reinitialisations} re-initialisations logged:\n{server.Output}");
            Assert.True(await server.StopAsync(cancellationToken) == 0, server.Output);
            var errors = server.Output.Split('\n').Where(l => l.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || l.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)).ToList();
            Assert.True(errors.Count == 0, "The host logged errors: " + string.Join('\n', errors));
        }
        finally
        {
            await peer.DisposeAsync();
            await bedrock.DisposeAsync();
        }
    }
}
