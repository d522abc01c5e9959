using AgentHost.Sanitization.Pii;

namespace AgentHost.Sanitization.Replies;

/// <summary>
/// Masks personal data in the model's replies to the customer (by default cards, SSNs and CPFs; configurable per
/// channel), whole or as a stream (<see cref="CreateStream"/>) that stays correct when a value is split across chunks.
/// Thread-safe; streams are not.
/// </summary>
public sealed class ReplyMasker
{
    private readonly SanitizationOptions _options;
    private readonly ValueHasher _hasher;

    /// <summary>Creates a masker with the given options (read once).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ReplyMasker(SanitizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _hasher = new ValueHasher(options.HashKey);
    }

    /// <summary>Whether replies on <paramref name="channel"/> are masked at all.</summary>
    public bool IsEnabled(string? channel) => KindsFor(channel) != 0;

    /// <summary>Masks a whole reply.</summary>
    /// <param name="text">The reply.</param>
    /// <param name="channel">The invocation's channel (selects per-channel settings); null for the global settings.</param>
    /// <param name="findings">Receives what was masked (no raw values), when not null.</param>
    /// <returns>The masked text: the same instance when nothing was found.</returns>
    public string Mask(string text, string? channel = null, ICollection<SanitizationFinding>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var kinds = KindsFor(channel);
        if (kinds == 0)
        {
            return text;
        }

        var matches = new List<PiiMatch>();
        PiiDetector.Detect(text, kinds, FieldHint.None, [], matches);
        return matches.Count == 0 ? text : Apply(text, 0, text.Length, matches, findings, 0);
    }

    /// <summary>Starts masking one streamed reply.</summary>
    /// <param name="channel">The invocation's channel; null for the global settings.</param>
    public ReplyMaskingStream CreateStream(string? channel = null) => new(this, KindsFor(channel));

    /// <summary>The kinds masked on a channel (bits of <see cref="PiiDetector.Bit"/>); 0 when masking is off.</summary>
    internal int KindsFor(string? channel)
    {
        var replies = _options.Replies;
        ReplyChannelOptions? settings = null;
        if (channel is not null)
        {
            replies.Channels.TryGetValue(channel, out settings);
        }

        var enabled = _options.Enabled && (settings?.Enabled ?? replies.Enabled);
        return enabled ? PiiDetector.Bits((IEnumerable<PiiKind>?)settings?.Kinds ?? (IEnumerable<PiiKind>?)replies.Kinds ?? ReplyMaskingOptions.DefaultKinds) : 0;
    }

    /// <summary>Replaces the matches inside [<paramref name="from"/>, <paramref name="to"/>) of <paramref name="text"/> and returns that part.</summary>
    internal string Apply(string text, int from, int to, List<PiiMatch> matches, ICollection<SanitizationFinding>? findings, int offset)
    {
        var builder = new System.Text.StringBuilder(to - from);
        var position = from;
        foreach (var match in matches)
        {
            if (match.Start < from || match.End > to)
            {
                continue;
            }

            builder.Append(text, position, match.Start - position).Append(Placeholders.For(match, _options.Pii.KeepLastDigits));
            findings?.Add(new SanitizationFinding(FindingKind.Pii, Placeholders.Category(match.Kind), "reply", offset + match.Start - from, match.End - match.Start, _hasher.Hash(match.Canonical))
            {
                PiiKind = match.Kind,
            });
            position = match.End;
        }

        return builder.Append(text, position, to - position).ToString();
    }
}
