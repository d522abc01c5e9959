namespace AgentHost.Sanitization;

/// <summary>Settings of reply masking (configuration section <c>Sanitization:Replies</c>).</summary>
public sealed class ReplyMaskingOptions
{
    /// <summary>Whether the model's replies are masked. Default: true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The kinds masked in replies. Default: null, meaning cards, SSNs and CPFs (values a customer-facing reply must
    /// never carry in full). Any <see cref="PiiKind"/> may be listed.
    /// </summary>
    public IList<PiiKind>? Kinds { get; set; }

    /// <summary>
    /// Per-channel settings keyed by the invocation's channel (<c>voice</c>, <c>chat</c>, <c>sms</c>, ...), replacing
    /// the global ones for that channel. Default: none.
    /// </summary>
    public IDictionary<string, ReplyChannelOptions> Channels { get; set; } =
        new Dictionary<string, ReplyChannelOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The kinds masked by default: cards, SSNs and CPFs.</summary>
    public static IReadOnlyList<PiiKind> DefaultKinds { get; } = [PiiKind.Card, PiiKind.Ssn, PiiKind.Cpf];
}
