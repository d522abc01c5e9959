using System.Text;
using System.Text.Json;
using AgentHost.Connect.Lambda.Tests.Support;
using AgentHost.Testing;

namespace AgentHost.Connect.Lambda.Tests;

/// <summary>The published bootstrap against the Runtime API emulator and a scripted AgentCore data plane.</summary>
public sealed class LambdaRuntimeTests(PublishedBootstrap published)
{
    public static TheoryData<string> Events()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Fixture("connect", "events"), "*.json").Concat(Directory.GetFiles(Fixture("lex"), "*.json")).Order(StringComparer.Ordinal))
        {
            if (!file.Contains("response", StringComparison.Ordinal))
            {
                data.Add(Path.GetRelativePath(Fixture(), file));
            }
        }

        return data;
    }

    [Fact]
    public async Task Bootstrap_WithoutRuntimeArn_ReportsInitErrorAndExitsAsync()
    {
        await using var lambda = await RuntimeApiEmulator.StartAsync();
        await using var bootstrap = BootstrapProcess.Start(published.Path, new Dictionary<string, string?> { ["AWS_LAMBDA_RUNTIME_API"] = lambda.Address, ["AWS_REGION"] = "us-east-1" });

        var error = await lambda.InitError.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var exit = await bootstrap.WaitForExitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal("Runtime.ConfigurationError", error.ErrorType);
        using var body = JsonDocument.Parse(error.Body);
        Assert.Equal("Runtime.ConfigurationError", body.RootElement.GetProperty("errorType").GetString());
        Assert.Contains("AGENTHOST_RUNTIME_ARN", body.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, exit);
        Assert.Equal(0, lambda.NextCalls);
    }

    [Theory]
    [MemberData(nameof(Events))]
    public async Task Bootstrap_FixtureEvent_AnswersInTheCallersFormatThroughASignedInvokeAgentRuntimeAsync(string fixture)
    {
        await using var harness = await BridgeHarness.StartAsync(published);
        harness.DataPlane.Handler = call => Task.FromResult((200, BridgeHarness.Completed(call, "Hello from the agent."), (string?)null));
        var isLex = fixture.StartsWith("lex", StringComparison.Ordinal);

        var reply = await harness.InvokeAsync(File.ReadAllBytes(Fixture(fixture)));

        if (isLex)
        {
            Assert.True(reply.GetProperty("sessionState").GetProperty("dialogAction").GetProperty("type").GetString() == "ElicitIntent", reply + "\n" + harness.Bootstrap.Output);
            Assert.Equal("Hello from the agent.", reply.GetProperty("messages")[0].GetProperty("content").GetString());
        }
        else
        {
            Assert.All(reply.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
            Assert.Equal("Continue", reply.GetProperty("Tool").GetString());
        }

        if (harness.DataPlane.Requests.Count > 0)
        {
            var call = Assert.Single(harness.DataPlane.Requests);
            Assert.Null(call.SignatureProblem);
            Assert.StartsWith("connect-", call.SessionId, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(call.TurnId));
        }
        else
        {
            Assert.False(isLex, "every Lex fixture has words to send");
        }
    }

    [Theory]
    [InlineData("{oops")]
    [InlineData("[]")]
    [InlineData("{\"unexpected\":true}")]
    [InlineData("")]
    public async Task Bootstrap_MalformedOrUnknownEvent_AnswersEscalateNotAnErrorAsync(string body)
    {
        await using var harness = await BridgeHarness.StartAsync(published);

        var reply = await harness.InvokeAsync(Encoding.UTF8.GetBytes(body));

        Assert.Equal("Escalate", reply.GetProperty("Tool").GetString());
        Assert.Empty(harness.DataPlane.Requests);
        Assert.Contains("\"eventId\":12001", harness.Bootstrap.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_Invocation_LogsJsonLinesWithRequestAndTraceIdsButNoWordsAsync()
    {
        await using var harness = await BridgeHarness.StartAsync(published);
        harness.DataPlane.Handler = call => Task.FromResult((200, BridgeHarness.Completed(call, "Your secret balance is 42."), (string?)null));

        await harness.InvokeAsync(File.ReadAllBytes(Fixture("lex", "synthetic__fallback-codehook-event-voice.json")));

        var lines = harness.Bootstrap.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => JsonDocument.Parse(line).Dispose());
        var handled = Assert.Single(lines, l => l.Contains("\"eventId\":12000", StringComparison.Ordinal));
        Assert.Contains("\"traceId\":\"Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1\"", handled, StringComparison.Ordinal);
        Assert.Contains("\"requestId\":", handled, StringComparison.Ordinal);
        Assert.DoesNotContain("where is my order", harness.Bootstrap.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret balance", harness.Bootstrap.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeAgentCoreDataPlane.Credentials.SecretAccessKey, harness.Bootstrap.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_RuntimeUnreachable_AnswersTheFallbackAndEscalatesAsync()
    {
        await using var harness = await BridgeHarness.StartAsync(published, endpoint: new Uri("http://127.0.0.1:9"));

        var reply = await harness.InvokeAsync(File.ReadAllBytes(Fixture("lex", "synthetic__fallback-codehook-event-voice.json")));

        Assert.Equal("Escalate", reply.GetProperty("sessionState").GetProperty("sessionAttributes").GetProperty("Tool").GetString());
        Assert.Equal("Close", reply.GetProperty("sessionState").GetProperty("dialogAction").GetProperty("type").GetString());
        Assert.Contains("unreachable", reply.GetProperty("sessionState").GetProperty("sessionAttributes").GetProperty("EscalationSummary").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(429, "ThrottlingException", "throttled")]
    [InlineData(500, "InternalServerException", "failed")]
    [InlineData(403, "AccessDeniedException", "rejected")]
    public async Task Bootstrap_RuntimeAnswersAnError_AnswersTheFallbackAndEscalatesAsync(int status, string errorType, string summary)
    {
        await using var harness = await BridgeHarness.StartAsync(published, new() { ["AGENTHOST_CONNECT_LEX_BUDGET_MS"] = "3000" });
        harness.DataPlane.Handler = _ => Task.FromResult((status, $$"""{"message":"{{errorType}} from the fake"}""", (string?)errorType));

        var reply = await harness.InvokeAsync(File.ReadAllBytes(Fixture("lex", "synthetic__fallback-codehook-event-voice.json")));

        var attributes = reply.GetProperty("sessionState").GetProperty("sessionAttributes");
        Assert.Equal("Escalate", attributes.GetProperty("Tool").GetString());
        Assert.Contains(summary, attributes.GetProperty("EscalationSummary").GetString(), StringComparison.Ordinal);
    }

    private static string Fixture(params string[] parts) => Path.Combine([RepositoryPaths.Root, "tests", "fixtures", .. parts]);
}
