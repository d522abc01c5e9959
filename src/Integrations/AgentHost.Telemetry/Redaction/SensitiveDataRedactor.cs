using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Compliance.Redaction;

namespace AgentHost.Telemetry.Redaction;

/// <summary>
/// The default redactor of <see cref="AgentHostDataClasses.UserData"/>: keeps the text (so logs stay useful) and replaces what
/// looks like a secret or personal data with <c>[REDACTED:kind]</c>: bearer and basic credentials, JWTs, AWS access key ids and
/// secret keys, <c>key=value</c> secrets (password, token, api key...), US social security numbers, payment card numbers (Luhn
/// checked), e-mail addresses and international phone numbers. Pattern matching is a safety net, not a guarantee: the product
/// does not log message contents in the first place.
/// </summary>
public sealed partial class SensitiveDataRedactor : Redactor
{
    [ThreadStatic]
    private static (string Input, string Output)? t_last;

    /// <inheritdoc />
    public override int GetRedactedLength(ReadOnlySpan<char> input) => RedactText(input).Length;

    /// <inheritdoc />
    public override int Redact(ReadOnlySpan<char> source, Span<char> destination)
    {
        var redacted = RedactText(source);
        redacted.AsSpan().CopyTo(destination);
        return redacted.Length;
    }

    /// <summary>Returns <paramref name="text"/> with every match replaced.</summary>
    public static string RedactText(ReadOnlySpan<char> text)
    {
        if (t_last is { } last && text.SequenceEqual(last.Input))
        {
            return last.Output;
        }

        var input = text.ToString();
        var output = MayContainSensitiveData(text) ? Apply(input) : input;
        t_last = (input, output);
        return output;
    }

    private static readonly SearchValues<string> CredentialWords = SearchValues.Create(["bearer", "basic "], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> SecretWords = SearchValues.Create(["passw", "secret", "token", "api_key", "api-key", "apikey"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<string> AwsKeyPrefixes = SearchValues.Create(["AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA", "ABIA", "ACCA"], StringComparison.Ordinal);

    /// <summary>Runs only the patterns the text can match, judged from one pass over its characters (most values match none).</summary>
    private static string Apply(string text)
    {
        int digits = 0, upper = 0, lower = 0;
        bool at = false, plus = false, dash = false, separator = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                upper++;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                lower++;
            }
            else
            {
                at |= c == '@';
                plus |= c == '+';
                dash |= c == '-';
                separator |= c is '=' or ':';
            }
        }

        var span = text.AsSpan();
        if (span.IndexOfAny(CredentialWords) >= 0)
        {
            text = Credential().Replace(text, m => m.Groups["scheme"].Value + " [REDACTED:credential]");
        }

        if (separator && span.IndexOfAny(SecretWords) >= 0)
        {
            text = KeyValueSecret().Replace(text, m => m.Groups["key"].Value + m.Groups["sep"].Value + "[REDACTED:secret]");
        }

        if (text.Contains("eyJ", StringComparison.Ordinal))
        {
            text = Jwt().Replace(text, "[REDACTED:jwt]");
        }

        if (upper >= 4 && text.AsSpan().IndexOfAny(AwsKeyPrefixes) >= 0)
        {
            text = AwsAccessKeyId().Replace(text, "[REDACTED:aws-access-key-id]");
        }

        if (text.Length >= 40 && upper > 0 && lower > 0)
        {
            text = AwsSecretKey().Replace(text, "[REDACTED:aws-secret-key]");
        }

        if (digits >= 9 && dash)
        {
            text = Ssn().Replace(text, "[REDACTED:ssn]");
        }

        if (digits >= 13)
        {
            text = CardNumber().Replace(text, m => PassesLuhn(m.Value) ? "[REDACTED:card]" : m.Value);
        }

        if (at)
        {
            text = Email().Replace(text, "[REDACTED:email]");
        }

        if (plus && digits >= 7)
        {
            text = Phone().Replace(text, "[REDACTED:phone]");
        }

        return text;
    }

    /// <summary>Cheap pre-check: every pattern needs a digit, an '@', or one of the credential words.</summary>
    private static bool MayContainSensitiveData(ReadOnlySpan<char> text) =>
        text.Length >= 6 && (text.IndexOfAnyInRange('0', '9') >= 0 || text.Contains('@') || text.Contains("eyJ", StringComparison.Ordinal) ||
        text.IndexOfAny(CredentialWords) >= 0 || text.IndexOfAny(SecretWords) >= 0);

    private static bool PassesLuhn(string candidate)
    {
        var digits = new StringBuilder(candidate.Length);
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
        }

        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }

    [GeneratedRegex(@"(?<scheme>\b(?:[Bb]earer|BEARER|[Bb]asic|BASIC))\s+[A-Za-z0-9\-._~+/]{8,}=*")]
    private static partial Regex Credential();

    [GeneratedRegex(@"(?<key>(?i:password|passwd|secret|secret[_-]?access[_-]?key|access[_-]?token|refresh[_-]?token|id[_-]?token|api[_-]?key|session[_-]?token|security[_-]?token|client[_-]?secret))(?<sep>""?\s*[:=]\s*""?)[^\s"",;&]{4,}")]
    private static partial Regex KeyValueSecret();

    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|ABIA|ACCA)[A-Z0-9]{16}\b")]
    private static partial Regex AwsAccessKeyId();

    [GeneratedRegex(@"(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")]
    private static partial Regex AwsSecretKey();

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b")]
    private static partial Regex Ssn();

    [GeneratedRegex(@"\b\d(?:[ -]?\d){12,18}\b")]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<![\w+])\+\d{7,15}\b")]
    private static partial Regex Phone();
}
