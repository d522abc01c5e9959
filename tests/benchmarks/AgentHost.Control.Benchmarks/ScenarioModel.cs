using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentHost.Control.Benchmarks;

/// <summary>
/// The peer scenario's scripted model, on the development gateway's catalog: turn 1 asks for one tool call (the tool given,
/// with the arguments given), turn 2 answers with one sentence streamed word by word. A test double: it never goes to src/.
/// </summary>
internal sealed class ScenarioModel(string tool, IReadOnlyDictionary<string, object?> arguments) : IChatClient
{
    private const string Answer = "Investor LP-001 is a private-banking client with an active account; the advisor is on record. ";
    private long _calls;

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        var last = messages.Last();
        if (last.Contents.OfType<FunctionResultContent>().Any())
        {
            foreach (var word in Answer.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ");
            }

            yield return new ChatResponseUpdate { FinishReason = ChatFinishReason.Stop, Contents = [new UsageContent(new UsageDetails { InputTokenCount = 150, OutputTokenCount = 30, TotalTokenCount = 180 })] };
            yield break;
        }

        if (options?.Tools is not { } offered || !offered.Any(t => t.Name == tool))
        {
            throw new InvalidOperationException($"The tool {tool} is not offered; offered: {string.Join(", ", options?.Tools?.Select(t => t.Name) ?? [])}");
        }

        var id = "tooluse_" + Interlocked.Increment(ref _calls).ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return new ChatResponseUpdate(ChatRole.Assistant, [new FunctionCallContent(id, tool, new Dictionary<string, object?>(arguments))]);
        yield return new ChatResponseUpdate { FinishReason = ChatFinishReason.ToolCalls, Contents = [new UsageContent(new UsageDetails { InputTokenCount = 100, OutputTokenCount = 20, TotalTokenCount = 120 })] };
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

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
