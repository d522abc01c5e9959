using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using AgentHost.Abstractions.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Benchmarks.Host;

/// <summary>
/// The C# twin of tests/benchmarks/strands-peer/scripted-model.mjs (a test double: it lives here, never in src/). Per call, looks
/// at the LAST message:
/// <list type="bullet">
/// <item>Turn 2, when it carries a tool result: parse the first text of the result as JSON (the get_customer_profile result) and
/// answer <c>Customer &lt;name&gt; (&lt;customerId&gt;) is a &lt;tier&gt; member since &lt;memberSince&gt;; account status: &lt;status&gt;.</c>
/// streamed as one text delta per word (<c>\S+\s*</c>), finish reason stop (endTurn), usage 150/30/180. A failed tool result
/// answers <c>The tool call failed.</c> like the peer.</item>
/// <item>Turn 1, otherwise: require <c>get_customer_profile</c> among the offered tools (throw otherwise: discovery failed), take
/// the customer id from the user text (<c>C-\d{4}</c>, default <c>C-1000</c>), and emit one tool call <c>tooluse_&lt;id&gt;</c>
/// with input <c>{"customerId": id}</c>, finish reason tool calls, usage 100/20/120.</item>
/// </list>
/// With a latency, sleeps that long before each turn (the model's time to first token).
/// </summary>
internal sealed partial class ScriptedChatClient(TimeSpan latency) : IChatClient
{
    public const string ScriptTool = "get_customer_profile";

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, cancellationToken);
        }

        var last = LastOf(messages);
        if (last is not null && FirstToolResult(last) is { } result)
        {
            foreach (var chunk in Chunks(FinalText(result)))
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, chunk);
            }

            yield return Finish(ChatFinishReason.Stop, 150, 30, 180);
            yield break;
        }

        if (options?.Tools is not { } tools || !tools.Any(t => string.Equals(t.Name, ScriptTool, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"ScriptedChatClient: tool {ScriptTool} not offered to the model (MCP discovery failed?)");
        }

        var match = CustomerId().Match(last?.Text ?? string.Empty);
        var customerId = match.Success ? match.Value : "C-1000";
        var call = new FunctionCallContent($"tooluse_{customerId}", ScriptTool, new Dictionary<string, object?>(1, StringComparer.Ordinal) { ["customerId"] = customerId });
        yield return new ChatResponseUpdate(ChatRole.Assistant, [call]);
        yield return Finish(ChatFinishReason.ToolCalls, 100, 20, 120);
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

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>One chunk per word with its trailing white space (<c>\S+\s*</c>), like the peer's <c>textChunks</c>.</summary>
    private static List<string> Chunks(string text)
    {
        var chunks = new List<string>(16);
        foreach (var match in WordChunk().EnumerateMatches(text))
        {
            chunks.Add(text.Substring(match.Index, match.Length));
        }

        return chunks;
    }

    private static string FinalText(FunctionResultContent result)
    {
        if (result.Exception is not null || FirstText(result.Result) is not { } json)
        {
            return "The tool call failed.";
        }

        // Read through the sanitisation envelope, as a model does: <tool_result ...> text, or {"tool","call_id","data"}.
        ToolResultEnvelope.TryUnwrapText(json, out var inner);
        using var document = JsonDocument.Parse(inner);
        var profile = document.RootElement;
        if (ToolResultEnvelope.TryUnwrapJson(profile, out var data))
        {
            profile = data;
        }

        return $"Customer {Str(profile, "name")} ({Str(profile, "customerId")}) is a {Str(profile, "tier")} member since {Str(profile, "memberSince")}; account status: {Str(profile, "status")}.";
    }

    private static string? FirstText(object? value) => value switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement e => e.GetRawText(),
        IEnumerable<AIContent> contents => contents.OfType<TextContent>().FirstOrDefault()?.Text,
        _ => null,
    };

    private static string Str(JsonElement profile, string name) =>
        profile.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText()
            : "undefined";

    private static ChatMessage? LastOf(IEnumerable<ChatMessage> messages) => messages switch
    {
        IList<ChatMessage> list => list.Count > 0 ? list[^1] : null,
        _ => messages.LastOrDefault(),
    };

    private static FunctionResultContent? FirstToolResult(ChatMessage message)
    {
        foreach (var content in message.Contents)
        {
            if (content is FunctionResultContent result)
            {
                return result;
            }
        }

        return null;
    }

    private static ChatResponseUpdate Finish(ChatFinishReason reason, long input, long output, long total) => new()
    {
        Role = ChatRole.Assistant,
        FinishReason = reason,
        Contents = [new UsageContent(new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = total })],
    };

    [GeneratedRegex(@"C-\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex CustomerId();

    [GeneratedRegex(@"\S+\s*", RegexOptions.CultureInvariant)]
    private static partial Regex WordChunk();
}
