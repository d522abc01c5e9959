using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentHost.Telemetry.Benchmarks;

/// <summary>
/// A test double of a model for the in-process benchmark: asks for one <c>lookup_customer</c> call, then answers in eight
/// streamed words once the result is there. Reports itself as Bedrock, so the telemetry records what it would for Bedrock.
/// </summary>
internal sealed class BenchModel : IChatClient
{
    private static readonly ChatClientMetadata Metadata = new("aws.bedrock", new Uri("https://bedrock-runtime.us-east-1.amazonaws.com"), "us.anthropic.claude-sonnet-4-5-20250929-v1:0");

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var last = messages.Last();
        if (last.Contents.OfType<FunctionResultContent>().Any())
        {
            foreach (var word in "Customer C-1000 is a gold member since 2019. ".Split(' '))
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ");
            }

            yield return Finish(ChatFinishReason.Stop, 150, 30);
            yield break;
        }

        yield return new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent("tooluse_" + Guid.NewGuid().ToString("N")[..12], "lookup_customer", new Dictionary<string, object?> { ["customerId"] = "C-1000" })]);
        yield return Finish(ChatFinishReason.ToolCalls, 100, 20);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse();
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType == typeof(ChatClientMetadata) ? Metadata : null;

    public void Dispose()
    {
    }

    private static ChatResponseUpdate Finish(ChatFinishReason reason, long input, long output) =>
        new(ChatRole.Assistant, [new UsageContent(new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output })]) { FinishReason = reason };
}
