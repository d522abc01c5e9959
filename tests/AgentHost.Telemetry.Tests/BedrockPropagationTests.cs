using System.Diagnostics;
using AgentHost.Bedrock.Tests.Support;
using AgentHost.Telemetry.Propagation;
using Microsoft.Extensions.AI;

namespace AgentHost.Telemetry.Tests;

/// <summary>Trace context reaches Bedrock: the model request made inside a span carries its trace, in both formats, and stays validly signed.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class BedrockPropagationTests
{
    private const string TextResponse = """{"output":{"message":{"role":"assistant","content":[{"text":"Hi."}]}},"stopReason":"end_turn","usage":{"inputTokens":1,"outputTokens":1,"totalTokens":2}}""";

    [Fact]
    public async Task GetResponseAsync_InsideASpan_SendsTraceparentAndXRayHeaderOfItsTraceAndAValidSignatureAsync()
    {
        var previous = DistributedContextPropagator.Current;
        DistributedContextPropagator.Current = AgentHostPropagator.Instance;
        using var source = new ActivitySource("AgentHost.Telemetry.Tests.Bedrock");
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        try
        {
            await using var server = await FakeBedrockServer.StartAsync();
            server.EnqueueJson(200, TextResponse);
            using var client = ClientFactory.Create(server);
            ActivityTraceId traceId;
            using (var chat = source.StartActivity("chat test-model", ActivityKind.Client))
            {
                Assert.NotNull(chat);
                traceId = chat.TraceId;
                await client.GetResponseAsync("Hi", cancellationToken: TestContext.Current.CancellationToken);
            }

            var request = Assert.Single(server.Requests);
            Assert.True(request.SignatureValid, request.SignatureProblem);
            Assert.StartsWith($"00-{traceId.ToHexString()}-", request.Headers["traceparent"], StringComparison.Ordinal);
            Assert.True(AwsXRayTraceHeader.TryParse(request.Headers["x-amzn-trace-id"], out var xray));
            Assert.Equal(traceId, xray.TraceId);
        }
        finally
        {
            DistributedContextPropagator.Current = previous;
        }
    }
}
