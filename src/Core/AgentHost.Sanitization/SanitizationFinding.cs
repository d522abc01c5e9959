namespace AgentHost.Sanitization;

/// <summary>
/// One thing the sanitiser removed or masked. Never carries the raw text: only its category, where it was (JSON path
/// and character offsets in the original string value) and, for personal data, a hash of the normalised value for audit.
/// </summary>
/// <param name="Kind">Injection or personal data.</param>
/// <param name="Category">
/// A stable name for logs and metrics: <c>injection.override</c>, <c>injection.tool-call</c>, ... or <c>pii.card</c>,
/// <c>pii.cpf</c>, ...
/// </param>
/// <param name="Path">The JSON path of the string value (<c>$.notes[2].text</c>), or <c>$</c> for a plain-text result.</param>
/// <param name="Start">Offset of the removed text in the original string value (UTF-16 code units).</param>
/// <param name="Length">Length of the removed text (UTF-16 code units).</param>
/// <param name="ValueHash">
/// For personal data: <c>sha256:&lt;hex&gt;</c>, or <c>hmac-sha256:&lt;hex&gt;</c> when a hash key is configured, of the
/// normalised value (digits only; upper-case IBAN; lower-case e-mail). Null for injections.
/// </param>
/// <param name="Obfuscated">For injections: the text was only recognisable after undoing obfuscation (spaced letters, zero-width or homoglyph characters, leetspeak).</param>
public sealed record SanitizationFinding(
    FindingKind Kind,
    string Category,
    string Path,
    int Start,
    int Length,
    string? ValueHash = null,
    bool Obfuscated = false)
{
    /// <summary>The injection family, for injection findings.</summary>
    public InjectionFamily? Family { get; init; }

    /// <summary>The kind of personal data, for PII findings.</summary>
    public PiiKind? PiiKind { get; init; }
}
