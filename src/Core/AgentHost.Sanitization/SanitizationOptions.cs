namespace AgentHost.Sanitization;

/// <summary>
/// Settings of the sanitiser (configuration section <c>Sanitization</c>). Every default is safe: injection removal and
/// masking of every kind of personal data are on for every tool; replies are masked for cards, SSNs and CPFs.
/// </summary>
public sealed class SanitizationOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "Sanitization";

    /// <summary>Master switch. Default: true. False passes tool results and replies through unchanged.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Whether tool results reach the model inside an envelope that names the tool and the call id
    /// (<c>&lt;tool_result tool="..." call_id="..."&gt;</c> around text, <c>{"tool":...,"call_id":...,"data":...}</c> around
    /// JSON). Default: true.
    /// </summary>
    public bool Envelope { get; set; } = true;

    /// <summary>
    /// Whether the system prompt gets the sentence that tool data never carries instructions (<c>ToolDataNotice.Text</c>).
    /// Default: true.
    /// </summary>
    public bool ToolDataNotice { get; set; } = true;

    /// <summary>Injection neutralisation in tool results.</summary>
    public InjectionOptions Injection { get; set; } = new();

    /// <summary>Personal-data masking in tool results.</summary>
    public PiiOptions Pii { get; set; } = new();

    /// <summary>Masking of the model's replies to the customer.</summary>
    public ReplyMaskingOptions Replies { get; set; } = new();

    /// <summary>
    /// Per-tool settings, keyed by tool name (the model-facing name, or the gateway's <c>target___tool</c> name); a key
    /// may use <c>*</c> and <c>?</c> wildcards (<c>crm___*</c>). An exact name wins over a pattern; among patterns the
    /// longest wins. Default: none (the global settings apply to every tool).
    /// </summary>
    public IDictionary<string, ToolSanitizationOptions> Tools { get; set; } =
        new Dictionary<string, ToolSanitizationOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Key for the audit hash of masked values (HMAC-SHA256; a secret, never logged). Default: none, which hashes with
    /// plain SHA-256 — enough to correlate findings, but short values such as SSNs can be recovered from a plain hash
    /// by enumeration, so configure a key where findings leave the process.
    /// </summary>
    public string? HashKey { get; set; }
}
