namespace AgentHost.Connect.Text;

/// <summary>Prepares an answer for a text channel (Connect chat): kept as written, trimmed, long answers cut at a sentence end.</summary>
public static class ChatText
{
    /// <summary>Prepares <paramref name="text"/> for chat.</summary>
    /// <param name="text">The agent's answer.</param>
    /// <param name="maxChars">The longest result.</param>
    /// <returns>The text.</returns>
    public static string Prepare(string? text, int maxChars)
        => string.IsNullOrWhiteSpace(text) ? string.Empty : SpokenText.CutAtSentence(text.Trim(), maxChars);
}
