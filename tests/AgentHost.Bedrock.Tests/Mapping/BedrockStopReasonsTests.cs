using AgentHost.Bedrock.Mapping;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Tests.Mapping;

public sealed class BedrockStopReasonsTests
{
    [Theory]
    [InlineData("end_turn", "stop")]
    [InlineData("stop_sequence", "stop")]
    [InlineData("tool_use", "tool_calls")]
    [InlineData("max_tokens", "length")]
    [InlineData("model_context_window_exceeded", "length")]
    [InlineData("guardrail_intervened", "content_filter")]
    [InlineData("content_filtered", "content_filter")]
    [InlineData("malformed_model_output", "malformed_model_output")]
    [InlineData("malformed_tool_use", "malformed_tool_use")]
    [InlineData("some_future_reason", "some_future_reason")]
    public void ToFinishReason_EveryBedrockStopReason_MapsToAFinishReason(string stopReason, string expected)
    {
        Assert.Equal(new ChatFinishReason(expected), BedrockStopReasons.ToFinishReason(stopReason));
    }

    [Fact]
    public void ToFinishReason_NoStopReason_ReturnsNull()
    {
        Assert.Null(BedrockStopReasons.ToFinishReason(null));
    }
}
