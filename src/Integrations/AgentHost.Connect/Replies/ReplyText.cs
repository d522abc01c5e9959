using AgentHost.Connect.Bridge;
using AgentHost.Connect.Text;

namespace AgentHost.Connect.Replies;

/// <summary>Prepares the decision's text for the contact's channel: speakable text for voice, trimmed text for chat.</summary>
public static class ReplyText
{
    /// <summary>Returns the text to send.</summary>
    /// <param name="context">The contact.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="options">Length limits and the text used when nothing is left.</param>
    /// <returns>Non-empty text.</returns>
    public static string For(ContactTurnContext? context, BridgeDecision decision, ConnectBridgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(options);
        var voice = context?.Voice ?? true;
        var text = voice ? SpokenText.Prepare(decision.Text, options.VoiceMaxChars) : ChatText.Prepare(decision.Text, options.ChatMaxChars);
        return text.Length > 0 ? text : (voice ? SpokenText.Prepare(options.EmptyAnswerText, options.VoiceMaxChars) : options.EmptyAnswerText);
    }
}
