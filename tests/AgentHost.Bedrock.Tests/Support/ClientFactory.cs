using AgentHost.Aws.Credentials;

namespace AgentHost.Bedrock.Tests.Support;

internal static class ClientFactory
{
    public const string ModelId = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

    public static BedrockChatClient Create(FakeBedrockServer server, Action<BedrockChatClientOptions>? configure = null)
    {
        var options = new BedrockChatClientOptions
        {
            ModelId = ModelId,
            Region = FakeBedrockServer.Region,
            Endpoint = server.BaseUri,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
            MaxRetryDuration = TimeSpan.FromMinutes(5),
        };
        configure?.Invoke(options);
        return new BedrockChatClient(options, new StaticAwsCredentialsProvider(FakeBedrockServer.Credentials));
    }
}
