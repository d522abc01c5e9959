using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AgentHost.Testing.Models;

/// <summary>
/// A test double of a model: returns pre-set responses in order and records every call. Streaming splits each
/// response's text into one update per word. For tests only: it is not a model and nothing in the product uses it.
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly Queue<Func<ScriptedCall, CancellationToken, Task<ChatResponse>>> _steps = new();
    private readonly List<ScriptedCall> _calls = [];

    /// <summary>Every call made, in order.</summary>
    public IReadOnlyList<ScriptedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>What to answer once the script is exhausted. Default: throw.</summary>
    public Func<ScriptedCall, ChatResponse>? Fallback { get; set; }

    /// <summary>Queues a final text answer.</summary>
    public ScriptedChatClient ThenText(string text, long inputTokens = 10, long outputTokens = 5) =>
        Then(_ => Responses.Text(text, inputTokens, outputTokens));

    /// <summary>Queues a response asking for one or more tool calls.</summary>
    public ScriptedChatClient ThenToolCalls(params FunctionCallContent[] calls) =>
        Then(_ => Responses.ToolCalls(calls));

    /// <summary>Queues a response computed from the call.</summary>
    public ScriptedChatClient Then(Func<ScriptedCall, ChatResponse> step) =>
        ThenAsync((call, _) => Task.FromResult(step(call)));

    /// <summary>Queues an asynchronous step (e.g. one that waits or throws).</summary>
    public ScriptedChatClient ThenAsync(Func<ScriptedCall, CancellationToken, Task<ChatResponse>> step)
    {
        lock (_steps)
        {
            _steps.Enqueue(step);
        }

        return this;
    }

    /// <summary>Queues a step that throws.</summary>
    public ScriptedChatClient ThenThrow(Exception exception) => ThenAsync((_, _) => Task.FromException<ChatResponse>(exception));

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = Record(messages, options);
        return NextStep()(call, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var call = Record(messages, options);
        var response = await NextStep()(call, cancellationToken);
        // One update per content item, as a streaming provider would send them; finish reason and usage come last.
        foreach (var message in response.Messages)
        {
            foreach (var content in message.Contents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return new ChatResponseUpdate(message.Role, [content]) { ResponseId = response.ResponseId, MessageId = message.MessageId };
            }
        }

        var final = new ChatResponseUpdate(ChatRole.Assistant, response.Usage is null ? [] : [new UsageContent(response.Usage)])
        {
            FinishReason = response.FinishReason,
            ResponseId = response.ResponseId,
        };
        yield return final;
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private ScriptedCall Record(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var call = new ScriptedCall(messages.ToList(), options);
        lock (_calls)
        {
            _calls.Add(call);
        }

        return call;
    }

    private Func<ScriptedCall, CancellationToken, Task<ChatResponse>> NextStep()
    {
        lock (_steps)
        {
            if (_steps.TryDequeue(out var step))
            {
                return step;
            }
        }

        if (Fallback is { } fallback)
        {
            return (call, _) => Task.FromResult(fallback(call));
        }

        throw new InvalidOperationException("The scripted model has no more responses.");
    }
}
