using System.Net;
using System.Text;
using AgentHost.Telemetry.Tests.Otlp;

namespace AgentHost.Telemetry.Tests;

/// <summary>
/// The real server process exporting to a real OTLP/HTTP receiver in the test process: a tool-using turn (offline model,
/// development gateway over MCP) arrives as one trace under the caller's parent, with the GenAI spans and metrics.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class ServerTraceTests
{
    private const string AgentScope = "AgentHost";
    private const string ModelScope = "Experimental.Microsoft.Extensions.AI";

    [Fact]
    public async Task Server_ToolUsingTurn_ExportsOneTraceUnderTheCallersParentWithGenAISpansAndMetricsAsync()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var server = ServerProcess.Start(new()
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_RESOURCE_ATTRIBUTES"] = "aws.log.group.names=/aws/bedrock-agentcore/runtimes/test-agent,deployment.environment.name=test",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        using var http = server.CreateClient();
        await server.WaitForHealthyAsync(http);

        // W3C trace context, as a caller (or AgentCore Runtime) sends it.
        const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        const string CallerSpanId = "00f067aa0ba902b7";
        var first = await InvokeAsync(http, "telemetry-w3c-000000000000000000000000001", ("traceparent", $"00-{TraceId}-{CallerSpanId}-01"), ("baggage", "tenant=acme"));
        Assert.Equal(HttpStatusCode.OK, first);

        // AWS X-Ray only: the root becomes the trace id, Parent the parent span.
        const string XRayTrace = "5759e988bd862e3fe1be46a994272793";
        const string XRayParent = "53995c3f42cd8ad8";
        var second = await InvokeAsync(http, "telemetry-xray-00000000000000000000000001", ("X-Amzn-Trace-Id", $"Root=1-5759e988-bd862e3fe1be46a994272793;Parent={XRayParent};Sampled=1"));
        Assert.Equal(HttpStatusCode.OK, second);

        Assert.True(
            await receiver.WaitForAsync(r => r.Spans().Count(s => s.TraceId == TraceId && s.Scope == AgentScope) >= 4 && r.Metrics().Any(m => m.Name == "gen_ai.execute_tool.duration"), TimeSpan.FromSeconds(30)),
            "no trace arrived: " + server.Output);
        await server.StopAsync();

        var spans = receiver.Spans();
        var trace = spans.Where(s => s.TraceId == TraceId).ToList();
        var byId = trace.ToDictionary(s => s.SpanId);

        // The inbound request: a server span whose parent is the caller's span.
        var request = Assert.Single(trace, s => s.Kind == 2 && s.ParentSpanId == CallerSpanId);
        Assert.Equal("/invocations", request.Tag("url.path"));

        // invoke_agent under the request.
        var turn = Assert.Single(trace, s => s.Name.StartsWith("invoke_agent", StringComparison.Ordinal));
        Assert.Equal(request.SpanId, turn.ParentSpanId);
        Assert.Equal("invoke_agent", turn.Tag("gen_ai.operation.name"));
        Assert.Equal("contact-centre-assistant", turn.Tag("gen_ai.agent.name"));
        Assert.Equal("telemetry-w3c-000000000000000000000000001", turn.Tag("gen_ai.conversation.id"));
        Assert.Equal("offline-rules", turn.Tag("gen_ai.provider.name"));
        Assert.Equal("endTurn", turn.Tag("agenthost.turn.stop_reason"));
        Assert.Equal("2", turn.Tag("agenthost.turn.cycles"));
        Assert.Equal("1", turn.Tag("agenthost.turn.tool_calls"));
        Assert.False(string.IsNullOrEmpty(turn.Tag("agenthost.turn.id")));
        Assert.True(long.Parse(turn.Tag("gen_ai.usage.input_tokens")!, System.Globalization.CultureInfo.InvariantCulture) > 0);

        // chat per model call (M.E.AI), execute_tool per tool call, store operations: all children of invoke_agent.
        var chats = trace.Where(s => s.Scope == ModelScope).ToList();
        Assert.Equal(2, chats.Count);
        Assert.All(chats, chat =>
        {
            Assert.Equal(turn.SpanId, chat.ParentSpanId);
            Assert.Equal("chat", chat.Tag("gen_ai.operation.name"));
            Assert.Equal("offline-rules", chat.Tag("gen_ai.provider.name"));
            Assert.NotNull(chat.Tag("gen_ai.usage.output_tokens"));
        });

        var tool = Assert.Single(trace, s => s.Name.StartsWith("execute_tool", StringComparison.Ordinal));
        Assert.Equal(turn.SpanId, tool.ParentSpanId);
        Assert.Equal("execute_tool portfolio___get_portfolio", tool.Name);
        Assert.Equal("portfolio___get_portfolio", tool.Tag("gen_ai.tool.name"));
        Assert.Equal("success", tool.Tag("agenthost.tool.status"));
        Assert.False(string.IsNullOrEmpty(tool.Tag("gen_ai.tool.call.id")));
        Assert.Null(tool.Tag("gen_ai.tool.call.arguments"));

        // The gateway call happens inside execute_tool: its HTTP client span, and the development gateway's server and MCP
        // spans (it runs the MCP SDK's server), which continue the propagated traceparent, descend from it.
        var underTool = trace.Where(s => s.SpanId != tool.SpanId && IsDescendant(s, tool.SpanId, byId)).ToList();
        Assert.Contains(underTool, s => s.Kind == 3 && s.Scope == "System.Net.Http");
        Assert.Contains(underTool, s => s.Kind == 2 && s.Scope == "Microsoft.AspNetCore");
        Assert.Contains(underTool, s => s.Scope == "Experimental.ModelContextProtocol" && s.Name == "tools/call portfolio___get_portfolio");

        Assert.Contains(trace, s => s.Name == "store.load" && s.ParentSpanId == turn.SpanId);
        Assert.Contains(trace, s => s.Name == "store.append_turn" && s.ParentSpanId == turn.SpanId && s.Tag("agenthost.store.outcome") == "appended");

        // Resource: the agent's name as service.name, the AgentCore log group from OTEL_RESOURCE_ATTRIBUTES.
        Assert.Equal("contact-centre-assistant", turn.Resource["service.name"]);
        Assert.Equal("/aws/bedrock-agentcore/runtimes/test-agent", turn.Resource["aws.log.group.names"]);

        // The X-Ray trace continues under the X-Ray parent.
        var xrayRequest = Assert.Single(spans, s => s.TraceId == XRayTrace && s.Kind == 2 && s.Tag("url.path") == "/invocations");
        Assert.Equal(XRayParent, xrayRequest.ParentSpanId);
        Assert.Contains(spans, s => s.TraceId == XRayTrace && s.Name.StartsWith("invoke_agent", StringComparison.Ordinal) && s.ParentSpanId == xrayRequest.SpanId);

        // Health checks are not exported, nor are the exporter's own requests.
        Assert.DoesNotContain(spans, s => s.Tag("url.path") == "/ping");
        Assert.DoesNotContain(spans, s => s.Tag("url.full") is { } url && url.StartsWith(receiver.Endpoint.ToString(), StringComparison.Ordinal));

        // Metrics.
        var metrics = receiver.Metrics();
        Assert.Contains(metrics, m => m.Name == "gen_ai.client.token.usage" && m.Points.Any(p => Equals(p.Attributes["gen_ai.token.type"], "input")));
        Assert.Contains(metrics, m => m.Name == "gen_ai.client.operation.duration" && m.Unit == "s");
        Assert.Contains(metrics, m => m.Name == "gen_ai.client.operation.time_to_first_chunk");
        Assert.Contains(metrics, m => m.Name == "agenthost.turns" && m.Points.Any(p => Equals(p.Attributes["agenthost.turn.stop_reason"], "endTurn") && p.Value >= 2));
        Assert.Contains(metrics, m => m.Name == "gen_ai.invoke_agent.duration" && m.Points.Any(p => p.Count >= 2));
        Assert.Contains(metrics, m => m.Name == "gen_ai.execute_tool.duration" && m.Points.Any(p => Equals(p.Attributes["agenthost.tool.status"], "success") && Equals(p.Attributes["gen_ai.tool.name"], "portfolio___get_portfolio")));
        Assert.Contains(metrics, m => m.Name == "agenthost.store.operation.duration" && m.Points.Any(p => Equals(p.Attributes["agenthost.store.operation"], "append_turn")));

        // Logs arrive too, with the trace id of the turn they belong to.
        Assert.Contains(receiver.Logs(), l => l.TraceId == TraceId);
    }

    private static bool IsDescendant(OtlpSpan span, string ancestor, Dictionary<string, OtlpSpan> byId)
    {
        var current = span;
        for (var depth = 0; depth < 32; depth++)
        {
            if (current.ParentSpanId == ancestor)
            {
                return true;
            }

            if (!byId.TryGetValue(current.ParentSpanId, out var parent))
            {
                return false;
            }

            current = parent;
        }

        return false;
    }

    private static async Task<HttpStatusCode> InvokeAsync(HttpClient http, string sessionId, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/invocations")
        {
            Content = new StringContent("""{"prompt":"What is the portfolio of investor LP-001?"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", sessionId);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
