using AgentHost.Models.Offline.Ranking;
using AgentHost.Models.Offline.Text;

namespace AgentHost.Models.Offline.Replies;

/// <summary>Answers greetings, thanks, goodbyes and requests for help without tools.</summary>
internal static class SmallTalk
{
    private static readonly HashSet<string> Greetings = new(StringComparer.Ordinal) { "hello", "hi", "hey", "hiya", "greetings", "morning", "afternoon", "evening", "howdy" };
    private static readonly HashSet<string> Thanks = new(StringComparer.Ordinal) { "thanks", "thank", "cheers", "thx", "ta", "great", "perfect", "brilliant", "awesome" };
    private static readonly HashSet<string> Goodbyes = new(StringComparer.Ordinal) { "bye", "goodbye", "later", "farewell" };
    private static readonly HashSet<string> HelpWords = new(StringComparer.Ordinal) { "help", "capabilities", "options", "commands" };
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "good", "you", "so", "much", "very", "there", "ok", "okay", "that", "is", "it", "a", "lot", "all", "for", "now", "see",
        "what", "can", "do", "i", "me", "please", "how", "are", "the", "to", "with", "and", "again", "nice", "day", "have",
        "your", "who", "which", "tools", "tool", "things", "list", "show", "available", "use", "assistant", "yes", "no",
    };

    /// <summary>Returns a reply when every word of the message is small talk, otherwise <see langword="null"/>.</summary>
    public static string? TryReply(string text, IReadOnlyList<ToolCandidate> tools)
    {
        string[] words = ArgumentWords(text);
        if (words.Length == 0 || words.Length > 10 || !words.All(w => Greetings.Contains(w) || Thanks.Contains(w) || Goodbyes.Contains(w) || HelpWords.Contains(w) || Filler.Contains(w)))
        {
            return null;
        }

        if (words.Any(Thanks.Contains))
        {
            return "You're welcome. Is there anything else I can look up for you?";
        }

        if (words.Any(Goodbyes.Contains))
        {
            return "Goodbye, and thank you for calling.";
        }

        if (words.Any(HelpWords.Contains) || (words.Contains("what") && words.Contains("do")) || words.Contains("tools"))
        {
            return Help(tools);
        }

        return words.Any(Greetings.Contains)
            ? "Hello! I'm the offline assistant: a rule-based stand-in, not a language model. I match your words to the available tools and fill in details such as investor ids (LP-001) from what you type. "
              + Examples(tools)
            : null;
    }

    /// <summary>Describes what the offline assistant can do with the offered tools.</summary>
    public static string Help(IReadOnlyList<ToolCandidate> tools)
    {
        if (tools.Count == 0)
        {
            return "I'm the offline rule-based assistant (not a language model). No tools are available right now, so I can only chat.";
        }

        IEnumerable<string> groups = tools
            .Where(t => !t.IsSearch)
            .GroupBy(t => t.Target.Length > 0 ? t.Target : "general", StringComparer.Ordinal)
            .Select(g => $"{g.Key} ({string.Join(", ", g.Select(t => Humanize.ToolWords(t.Name)))})");
        return "I'm the offline rule-based assistant (not a language model). I pick the tool whose name and description best match your words and take ids, dates, amounts and quoted text from your message. Tools available: "
            + string.Join("; ", groups) + ". " + Examples(tools);
    }

    private static string Examples(IReadOnlyList<ToolCandidate> tools) =>
        tools.Any(t => t.Name == "portfolio___get_portfolio")
            ? "Try: \"What is the portfolio of investor LP-001?\", \"Show the trade blotter for LP-002\" or \"Create a case for LP-003 about a missing dividend\"."
            : tools.Count > 0 ? $"Try asking about: {string.Join(", ", tools.Where(t => !t.IsSearch).Take(4).Select(t => Humanize.ToolWords(t.Name)))}." : string.Empty;

    private static string[] ArgumentWords(string text) =>
        text.ToLowerInvariant().Split([' ', ',', '.', '!', '?', ';', ':', '\'', '"', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
