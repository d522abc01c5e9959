using System.Globalization;
using System.Net.Mail;

namespace AgentHost.Gateway.Validation;

/// <summary>The JSON Schema string formats the validator checks; unknown formats always match.</summary>
internal static class StringFormats
{
    public static bool Matches(string format, string text) => format switch
    {
        "date-time" => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && text.Contains('T', StringComparison.OrdinalIgnoreCase),
        "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "email" => MailAddress.TryCreate(text, out var address) && address.Address == text,
        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
        "uuid" => Guid.TryParseExact(text, "D", out _),
        _ => true,
    };
}
