using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentHost.Sanitization.Tests.Replies;

/// <summary>A model client that streams the given updates as they are, and answers non-streamed calls with their concatenation.</summary>
internal sealed class ChunkedChatClient(params ChatResponseUpdate[] updates) : IChatClient
{
    public static ChatResponseUpdate Text(string text) => new(ChatRole.Assistant, text) { MessageId = "m1", ResponseId = "r1" };

    public static ChatResponseUpdate Finish() => new(ChatRole.Assistant, []) { FinishReason = ChatFinishReason.Stop, ResponseId = "r1" };

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(updates.ToChatResponse());

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in updates)
        {
            await Task.Yield();
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
