using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>
/// Sanitisation: tool results made safe before the model sees them (instruction-like text removed, personal data masked,
/// results wrapped as data with their provenance) and personal data kept out of replies (section <c>Sanitization</c>).
/// Per-tool and per-channel settings come from <see cref="File"/>; a setting turned off here wins over the file.
/// </summary>
public sealed class SanitizationSettings
{
    /// <summary>Sanitise tool results and replies. Default: true. False passes both through unchanged (for benchmarks and isolated development only).</summary>
    [Setting(Aliases = ["AGENTHOST_SANITIZATION"])]
    public bool Enabled { get; set; } = true;

    /// <summary>Replace instruction-like text in tool results by <c>[removed: instruction-like text]</c> and flag the call. Default: true.</summary>
    [Setting(Aliases = ["AGENTHOST_SANITIZATION_INJECTION"])]
    public bool Injection { get; set; } = true;

    /// <summary>Mask personal data (cards, SSN, EIN, CPF, CNPJ, IBAN, e-mail, phone) in tool results to typed placeholders such as <c>[CARD ••••4242]</c>. Default: true.</summary>
    [Setting(Aliases = ["AGENTHOST_SANITIZATION_PII"])]
    public bool Pii { get; set; } = true;

    /// <summary>Hand tool results to the model inside an envelope naming the tool and call id, and add the system-prompt sentence that tool data never carries instructions. Default: true.</summary>
    [Setting(Aliases = ["AGENTHOST_SANITIZATION_ENVELOPE"])]
    public bool Envelope { get; set; } = true;

    /// <summary>Mask full card numbers, SSNs and CPFs in the model's replies, streamed or not (other kinds and per-channel settings through the file). Default: true.</summary>
    [Setting(Aliases = ["AGENTHOST_SANITIZATION_REPLIES"])]
    public bool Replies { get; set; } = true;

    /// <summary>Trailing digits kept visible in placeholders (0 to 4). Default: 4.</summary>
    [Range(0, 4)]
    [Setting(Aliases = ["AGENTHOST_SANITIZATION_KEEP_LAST_DIGITS"])]
    public int KeepLastDigits { get; set; } = 4;

    /// <summary>
    /// Key of the HMAC-SHA256 hashes of masked values in the audit trail (a secret). Default: none (plain SHA-256, which
    /// short values such as SSNs can be recovered from by enumeration: set a key where the audit trail leaves the process).
    /// </summary>
    [Setting(Aliases = ["AGENTHOST_SANITIZATION_HASH_KEY"], Secret = true, Unset = "none (plain SHA-256)")]
    public string? HashKey { get; set; }

    /// <summary>
    /// A JSON file with per-tool settings (allow-listed JSON fields such as an investor id, kinds a tool may return, injection
    /// removal off for a tool), per-channel reply masking and the other options; see the README's Sanitisation section.
    /// Default: none.
    /// </summary>
    [Setting(Aliases = ["AGENTHOST_SANITIZATION_FILE"], Unset = "none")]
    public string? File { get; set; }
}
