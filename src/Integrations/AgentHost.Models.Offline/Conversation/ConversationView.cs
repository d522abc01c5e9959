using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Conversation;

/// <summary>What the offline model reads from the messages: the latest user words, earlier text, pending tool results.</summary>
internal sealed class ConversationView
{
    private ConversationView(string latestUserText, string? previousUserText, List<string> history, List<(FunctionResultContent Result, FunctionCallContent? Call)> results, int characterCount)
    {
        LatestUserText = latestUserText;
        PreviousUserText = previousUserText;
        History = history;
        TrailingResults = results;
        CharacterCount = characterCount;
    }

    /// <summary>Gets the text of the last user message (empty when there is none).</summary>
    public string LatestUserText { get; }

    /// <summary>Gets the text of the user message before it, if any.</summary>
    public string? PreviousUserText { get; }

    /// <summary>Gets earlier texts (user, assistant, tool results), most recent first, excluding the latest user text.</summary>
    public IReadOnlyList<string> History { get; }

    /// <summary>Gets the tool results that end the conversation, with the calls that produced them.</summary>
    public IReadOnlyList<(FunctionResultContent Result, FunctionCallContent? Call)> TrailingResults { get; }

    /// <summary>Gets the number of characters in the conversation (for approximate token counts).</summary>
    public int CharacterCount { get; }

    public static ConversationView Read(IEnumerable<ChatMessage> messages)
    {
        List<ChatMessage> list = [.. messages];
        Dictionary<string, FunctionCallContent> calls = new(StringComparer.Ordinal);
        int characters = 0;
        foreach (ChatMessage message in list)
        {
            foreach (AIContent content in message.Contents)
            {
                characters += Describe(content).Length;
                if (content is FunctionCallContent call)
                {
                    calls[call.CallId] = call;
                }
            }
        }

        List<(FunctionResultContent, FunctionCallContent?)> results = [];
        for (int i = list.Count - 1; i >= 0; i--)
        {
            List<FunctionResultContent> found = [.. list[i].Contents.OfType<FunctionResultContent>()];
            if (found.Count == 0)
            {
                break;
            }

            results.InsertRange(0, found.Select(r => (r, calls.GetValueOrDefault(r.CallId))));
        }

        int latestUser = list.FindLastIndex(m => m.Role == ChatRole.User && !string.IsNullOrWhiteSpace(m.Text));
        int previousUser = latestUser > 0 ? list.FindLastIndex(latestUser - 1, m => m.Role == ChatRole.User && !string.IsNullOrWhiteSpace(m.Text)) : -1;
        List<string> history = [];
        for (int i = list.Count - 1; i >= 0; i--)
        {
            if (i == latestUser || list[i].Role == ChatRole.System)
            {
                continue;
            }

            string text = string.Join(' ', list[i].Contents.Select(Describe)).Trim();
            if (text.Length > 0)
            {
                history.Add(text);
            }
        }

        return new ConversationView(
            latestUser >= 0 ? list[latestUser].Text.Trim() : string.Empty,
            previousUser >= 0 ? list[previousUser].Text.Trim() : null,
            history,
            results,
            characters);
    }

    private static string Describe(AIContent content) => content switch
    {
        TextContent text => text.Text,
        FunctionCallContent call => call.Name + " " + string.Join(' ', call.Arguments?.Values.Select(v => v?.ToString()) ?? []),
        FunctionResultContent result => result.Result switch
        {
            null => string.Empty,
            string s => s,
            JsonElement e => e.GetRawText(),
            _ => result.Result.ToString() ?? string.Empty,
        },
        _ => string.Empty,
    };
}
