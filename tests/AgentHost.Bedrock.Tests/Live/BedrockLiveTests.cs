using AgentHost.Aws.Credentials;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Tests.Live;

/// <summary>
/// Opt-in test against real Bedrock: runs only when AGENTHOST_BEDROCK_MODEL_ID (or BEDROCK_MODEL_ID), a region and
/// credentials are configured; reported as skipped otherwise.
/// </summary>
public sealed class BedrockLiveTests
{
    [Fact]
    public async Task RealBedrock_ShortPrompt_StreamsAnAnswerWithUsageAsync()
    {
        var options = BedrockChatClientOptions.FromEnvironment();
        if (!BedrockConfiguration.IsConfigured(options) || options.ResolveRegion() is null)
        {
            Assert.Skip("Real Bedrock not configured: set AGENTHOST_BEDROCK_MODEL_ID, AWS_REGION and AWS credentials to run this test.");
        }

        using var client = new BedrockChatClient(options, new DefaultAwsCredentialsProvider(options.Profile));
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("Reply with the single word: pong", new ChatOptions { MaxOutputTokens = 20 }, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.False(string.IsNullOrWhiteSpace(response.Text));
        Assert.NotNull(response.FinishReason);
        Assert.True(response.Usage?.InputTokenCount > 0);
    }
}
