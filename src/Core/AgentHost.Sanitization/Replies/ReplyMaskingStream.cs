using System.Text;
using AgentHost.Sanitization.Pii;

namespace AgentHost.Sanitization.Replies;

/// <summary>
/// Masks one streamed reply: <see cref="Append"/> returns what can be shown now, holding back only the shortest end of
/// the text that could still grow into a masked value (a trailing run of digits and separators, and for e-mail or IBAN
/// masking the trailing word); <see cref="Flush"/> returns the rest at the end. Text that cannot be part of such a value
/// is returned at once. The concatenated output equals masking the whole reply at once. Not thread-safe.
/// </summary>
public sealed class ReplyMaskingStream
{
    private const int ContextLength = 40;
    private const int MaxHold = 128;

    private readonly ReplyMasker _masker;
    private readonly int _kinds;
    private readonly StringBuilder _pending = new();
    private readonly List<PiiMatch> _matches = [];
    private string _context = string.Empty;
    private int _emitted;

    internal ReplyMaskingStream(ReplyMasker masker, int kinds)
    {
        _masker = masker;
        _kinds = kinds;
    }

    /// <summary>What was masked so far (no raw values; offsets in the original reply).</summary>
    public List<SanitizationFinding> Findings { get; } = [];

    /// <summary>Adds a chunk of the reply; returns the text that can be shown now (possibly empty).</summary>
    public string Append(string chunk)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        if (_kinds == 0)
        {
            return chunk;
        }

        _pending.Append(chunk);
        var pending = _pending.ToString();
        var hold = HoldStart(pending);
        if (pending.Length - hold > MaxHold)
        {
            hold = pending.Length;
        }

        return hold == 0 ? string.Empty : Release(pending, hold);
    }

    /// <summary>Ends the reply: returns the text still held back, masked.</summary>
    public string Flush()
    {
        if (_pending.Length == 0)
        {
            return string.Empty;
        }

        var pending = _pending.ToString();
        return Release(pending, pending.Length);
    }

    private string Release(string pending, int count)
    {
        var text = _context + pending;
        _matches.Clear();
        PiiDetector.Detect(text, _kinds, FieldHint.None, [(0, _context.Length)], _matches);
        var from = _context.Length;
        var output = _masker.Apply(text, from, from + count, _matches, Findings, _emitted);
        _emitted += count;
        var released = text.Substring(0, from + count);
        _context = released.Length > ContextLength ? released[^ContextLength..] : released;
        _pending.Remove(0, count);
        return output;
    }

    private static bool IsNumericRunChar(char c) => char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '/' or '(' or ')' or '+' or '\u00A0';

    private static bool IsEmailChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-' or '@';

    // The start of the shortest end of the text that could still become (part of) a masked value.
    private int HoldStart(string text)
    {
        var hold = text.Length;
        var numeric = (_kinds & ~(PiiDetector.Bit(PiiKind.Email) | PiiDetector.Bit(PiiKind.Iban))) != 0;
        if (numeric || (_kinds & PiiDetector.Bit(PiiKind.Iban)) != 0)
        {
            var i = text.Length;
            while (i > 0 && (IsNumericRunChar(text[i - 1]) || ((_kinds & PiiDetector.Bit(PiiKind.Iban)) != 0 && char.IsAsciiLetterUpper(text[i - 1]))))
            {
                i--;
            }

            // The held part starts at its first digit, '+' or '(' (or upper-case letter for an IBAN).
            for (var j = i; j < text.Length; j++)
            {
                if (char.IsAsciiDigit(text[j]) || text[j] is '+' or '(' || ((_kinds & PiiDetector.Bit(PiiKind.Iban)) != 0 && char.IsAsciiLetterUpper(text[j])))
                {
                    // A run glued to the word before it ("INV22") is held from that word, which decides whether it counts.
                    var start = j;
                    while (start > 0 && char.IsLetterOrDigit(text[start - 1]))
                    {
                        start--;
                    }

                    hold = Math.Min(hold, start);
                    break;
                }
            }
        }

        if ((_kinds & PiiDetector.Bit(PiiKind.Email)) != 0)
        {
            var i = text.Length;
            while (i > 0 && IsEmailChar(text[i - 1]))
            {
                i--;
            }

            if (i < text.Length)
            {
                hold = Math.Min(hold, i);
            }
        }

        return hold;
    }
}
