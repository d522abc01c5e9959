using System.Globalization;

namespace AgentHost.Sanitization.Pii;

/// <summary>The typed placeholders that replace personal data: <c>[CARD ••••4242]</c>, <c>[IBAN DE••••3000]</c>, <c>[EMAIL]</c>.</summary>
internal static class Placeholders
{
    /// <summary>The label of a kind in placeholders and finding categories.</summary>
    public static string Label(PiiKind kind) => kind switch
    {
        PiiKind.Card => "CARD",
        PiiKind.Ssn => "SSN",
        PiiKind.Ein => "EIN",
        PiiKind.Cpf => "CPF",
        PiiKind.Cnpj => "CNPJ",
        PiiKind.Iban => "IBAN",
        PiiKind.Email => "EMAIL",
        PiiKind.Phone => "PHONE",
        _ => kind.ToString().ToUpperInvariant(),
    };

    /// <summary>The finding category of a kind: <c>pii.card</c>, ...</summary>
    public static string Category(PiiKind kind) => "pii." + Label(kind).ToLowerInvariant();

    /// <summary>The placeholder of a match, keeping the last <paramref name="keepLastDigits"/> digits (none for e-mail).</summary>
    public static string For(PiiMatch match, int keepLastDigits)
    {
        var label = Label(match.Kind);
        if (match.Kind == PiiKind.Email)
        {
            return "[EMAIL]";
        }

        var keep = Math.Clamp(keepLastDigits, 0, Math.Max(0, match.Canonical.Length - 4));
        var tail = keep > 0 ? match.Canonical[^keep..] : string.Empty;
        return match.Kind == PiiKind.Iban
            ? string.Create(CultureInfo.InvariantCulture, $"[IBAN {match.Canonical[..2]}••••{tail}]")
            : keep > 0 ? string.Create(CultureInfo.InvariantCulture, $"[{label} ••••{tail}]") : $"[{label}]";
    }
}
