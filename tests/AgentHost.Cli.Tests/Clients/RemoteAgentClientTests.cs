using System.Net;
using System.Text;
using AgentHost.Abstractions.Agents;
using AgentHost.AgentCore.Client;
using AgentHost.Cli.Clients;

namespace AgentHost.Cli.Tests.Clients;

/// <summary>The <c>--url</c> adapter turns the client's stream events into the CLI's agent events.</summary>
public sealed class RemoteAgentClientTests
{
    private const string SessionId = "cli-0000000000000000000000000000000001";

    [Fact]
    public async Task RunTurnAsync_HostStream_BecomesAgentEventsEndingWithTheSummaryAsync()
    {
        var transport = new StreamingHandler(
            "event: tool_call\ndata: {\"phase\":\"started\",\"toolUseId\":\"c1\",\"name\":\"lookup\",\"input\":{\"id\":1}}\n\n" +
            "event: tool_call\ndata: {\"phase\":\"finished\",\"toolUseId\":\"c1\",\"name\":\"lookup\",\"input\":{\"id\":1},\"status\":\"timeout\",\"durationMs\":5000}\n\n" +
            "event: message\ndata: {\"text\":\"Sorry.\"}\n\n" +
            "event: done\ndata: {\"sessionId\":\"" + SessionId + "\",\"turnId\":\"t\",\"text\":\"Sorry.\",\"stopReason\":\"endTurn\",\"toolCalls\":[],\"usage\":{\"inputTokens\":1,\"outputTokens\":1,\"totalTokens\":2},\"cycles\":2}\n\n");
        await using var remote = new RemoteAgentClient(new AgentRuntimeClient(AgentRuntimeTarget.Parse("http://127.0.0.1:8080"), transport: transport), "test");

        var events = new List<AgentEvent>();
        await foreach (var item in remote.RunTurnAsync(SessionId, "Hi", TestContext.Current.CancellationToken))
        {
            events.Add(item);
        }

        Assert.Equal("http://127.0.0.1:8080/invocations", transport.Uri!.AbsoluteUri);
        Assert.Contains("\"channel\":\"CLI\"", transport.Body, StringComparison.Ordinal);
        Assert.Collection(
            events,
            e => Assert.Equal("lookup", Assert.IsType<ToolCallStartedEvent>(e).Name),
            e => Assert.Equal(ToolCallStatus.Timeout, Assert.IsType<ToolCallFinishedEvent>(e).Call.Status),
            e => Assert.Equal("Sorry.", Assert.IsType<TextDeltaEvent>(e).Text),
            e => Assert.Equal(2, Assert.IsType<CliTurnFinished>(e).Response.Cycles));
    }

    [Fact]
    public async Task RunTurnAsync_ErrorEvent_ThrowsWithTheHostsMessageAsync()
    {
        var transport = new StreamingHandler("event: error\ndata: {\"error\":\"The model call failed.\",\"error_type\":\"ModelError\",\"message\":\"An error occurred during streaming\"}\n\n");
        await using var remote = new RemoteAgentClient(new AgentRuntimeClient(AgentRuntimeTarget.Parse("http://127.0.0.1:8080"), transport: transport), "test");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in remote.RunTurnAsync(SessionId, "Hi", TestContext.Current.CancellationToken))
            {
            }
        });

        Assert.Equal("The turn failed: The model call failed. (ModelError)", error.Message);
    }

    [Fact]
    public async Task Create_RuntimeArn_DescribesInvokeAgentRuntimeAsync()
    {
        await using var remote = RemoteAgentClient.Create("arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/agent-AbC", region: null);

        Assert.StartsWith("Remote AgentCore runtime arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/agent-AbC via InvokeAgentRuntime (eu-west-1", remote.Description, StringComparison.Ordinal);
    }

    private sealed class StreamingHandler(string sse) : HttpMessageHandler
    {
        public Uri? Uri { get; private set; }

        public string Body { get; private set; } = string.Empty;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Uri = request.RequestUri;
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            var content = new StringContent(sse, Encoding.UTF8);
            content.Headers.ContentType = new("text/event-stream");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }
    }
}
