using System.Text;
using System.Text.RegularExpressions;

namespace AgentHost.Supervision.Masking;

/// <summary>
/// Masks what looks like personal data in message texts shown to supervisors: runs of 6 or more digits (card, account,
/// phone numbers; spaces and dashes inside are allowed) keep their last 4 digits, and e-mail addresses keep their first
/// letter and domain. Texts are cut to a maximum length. A pattern method, not a guarantee: names are not detected.
/// </summary>
public static partial class TextMasker
{
    /// <summary>Masks and bounds a text; null stays null.</summary>
    public static string? Mask(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var masked = Email().Replace(text, m => m.Value[0] + "***@" + m.Groups["domain"].Value);
        masked = DigitRun().Replace(masked, MaskDigits);
        return masked.Length > maxChars ? masked[..maxChars] + "…" : masked;
    }

    private static string MaskDigits(Match match)
    {
        var digits = new StringBuilder(match.Length);
        foreach (var c in match.Value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        return digits.Length < 6 ? match.Value : "••••" + digits.ToString(digits.Length - 4, 4);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@(?<domain>[A-Za-z0-9.-]+\.[A-Za-z]{2,})", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\d(?:[ -]?\d){5,}", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();
}
