namespace AgentHost.Sanitization;

/// <summary>Settings of personal-data masking in tool results (configuration section <c>Sanitization:Pii</c>).</summary>
public sealed class PiiOptions
{
    /// <summary>Whether personal data is masked in tool results. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The kinds masked. Default: null, meaning every kind (<see cref="PiiKind"/>). Configure a list to mask only those.
    /// </summary>
    public IList<PiiKind>? Kinds { get; set; }

    /// <summary>
    /// Trailing digits kept visible in placeholders (<c>[CARD ••••4242]</c>); 0 hides every digit. Applies to cards,
    /// IBANs, SSNs, EINs, CPFs, CNPJs and phone numbers. Default: 4 (what PCI DSS allows to be displayed for a card).
    /// </summary>
    public int KeepLastDigits { get; set; } = 4;
}
