using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgentHost.Connect.Sessions;

/// <summary>
/// Derives the turn id (the runtime's idempotency key) of a customer utterance from the turn counter the bridge keeps in
/// the contact's state and the utterance itself: a retried event (same counter, same words) maps to the same turn, so the
/// runtime returns the stored or running turn and never runs a tool twice; the next utterance gets the next counter.
/// </summary>
public static class TurnIds
{
    /// <summary>Returns the turn id of utterance number <paramref name="counter"/>.</summary>
    /// <param name="counter">The turn counter (1 for the first utterance of a contact).</param>
    /// <param name="utterance">The customer's words.</param>
    /// <returns><c>turn-&lt;counter&gt;-&lt;8 hex digits of the words' hash&gt;</c>.</returns>
    public static string Derive(int counter, string utterance)
    {
        ArgumentNullException.ThrowIfNull(utterance);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(utterance.Trim().ToLowerInvariant()));
        return string.Create(CultureInfo.InvariantCulture, $"turn-{counter:D4}-{Convert.ToHexStringLower(hash.AsSpan(0, 4))}");
    }

    /// <summary>Reads a counter kept as a string attribute; missing or invalid values count as 0.</summary>
    /// <param name="value">The attribute value.</param>
    /// <returns>The counter.</returns>
    public static int ParseCounter(string? value)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var counter) && counter >= 0 ? counter : 0;
}
