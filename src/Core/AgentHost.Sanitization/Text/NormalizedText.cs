using System.Buffers;

namespace AgentHost.Sanitization.Text;

/// <summary>
/// A detection view of a text: folded (<see cref="CharFolding"/>), with leetspeak inside words undone (<c>1gn0r3</c> →
/// <c>ignore</c>) and letter-by-letter spacing collapsed (<c>i g n o r e</c> → <c>ignore</c>), plus the map from every
/// position back to the original text, so a match found here replaces the original span. Buffers are pooled: dispose it.
/// </summary>
internal sealed class NormalizedText : IDisposable
{
    private char[] _chars;
    private int[] _map;

    private NormalizedText(char[] chars, int[] map, int length, int originalLength)
    {
        _chars = chars;
        _map = map;
        Length = length;
        OriginalLength = originalLength;
    }

    /// <summary>Number of characters of the view.</summary>
    public int Length { get; private set; }

    /// <summary>Length of the original text.</summary>
    public int OriginalLength { get; }

    /// <summary>True when format characters, look-alikes, leetspeak or spaced letters were undone.</summary>
    public bool Obfuscated { get; private set; }

    /// <summary>True when a run of single letters separated by single spaces was collapsed (word boundaries may be lost).</summary>
    public bool CollapsedSpacedLetters { get; private set; }

    /// <summary>True when a '1' inside a word was read as 'i' (a second view reads it as 'l').</summary>
    public bool ReadOneAsLetter { get; private set; }

    /// <summary>The view.</summary>
    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    /// <summary>The view as a string (for regular expressions that need one).</summary>
    public string Text => new(_chars, 0, Length);

    /// <summary>The original position of view position <paramref name="index"/>.</summary>
    public int OriginalStart(int index) => index < Length ? Decode(_map[index]) : OriginalLength;

    /// <summary>The original end (exclusive) of a view span ending (exclusive) at <paramref name="end"/>.</summary>
    public int OriginalEnd(int end)
    {
        if (end <= 0)
        {
            return 0;
        }

        var last = _map[Math.Min(end, Length) - 1];
        return Math.Min(OriginalLength, Decode(last) + (last < 0 ? 2 : 1));
    }

    // A view character folded from a surrogate pair maps to -(index of its high surrogate + 1), so that its end is two
    // characters after its start and a removal never splits the pair.
    private static int Decode(int mapped) => mapped < 0 ? -mapped - 1 : mapped;

    /// <summary>Builds the view of <paramref name="text"/>; <paramref name="oneAsL"/> reads a '1' inside a word as 'l' instead of 'i'.</summary>
    public static NormalizedText Create(ReadOnlySpan<char> text, bool oneAsL = false)
    {
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(16, text.Length));
        var map = ArrayPool<int>.Shared.Rent(Math.Max(16, text.Length));
        var length = 0;
        var obfuscated = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            char folded;
            bool obfuscation;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var supplementary = CharFolding.FoldSupplementary(char.ConvertToUtf32(c, text[i + 1]));
                if (supplementary is null)
                {
                    chars[length] = c;
                    map[length++] = i;
                    continue;
                }

                folded = supplementary.Value;
                obfuscation = true;
                i++;
                if (folded != CharFolding.Removed)
                {
                    chars[length] = folded;
                    map[length++] = -i;
                }

                obfuscated = true;
                continue;
            }

            folded = CharFolding.Fold(c, out obfuscation);
            obfuscated |= obfuscation;
            if (folded == CharFolding.Removed)
            {
                continue;
            }

            chars[length] = folded;
            map[length++] = i;
        }

        var view = new NormalizedText(chars, map, length, text.Length) { Obfuscated = obfuscated };
        view.UndoLeetspeak(oneAsL);
        view.CollapseSpacedLetters();
        view.CollapseSpaces();
        return view;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_chars.Length > 0)
        {
            ArrayPool<char>.Shared.Return(_chars);
            ArrayPool<int>.Shared.Return(_map);
            _chars = [];
            _map = [];
        }
    }

    private static bool IsLetter(char c) => c is >= 'a' and <= 'z' || (c > 0x7F && char.IsLetter(c));

    private static char? Leet(char c, bool oneAsL) => c switch
    {
        '0' => 'o',
        '1' => oneAsL ? 'l' : 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '7' => 't',
        '8' => 'b',
        '@' => 'a',
        '$' => 's',
        _ => null,
    };

    // Undoes leetspeak inside a word: a run of letters, digits, '@' and '$' with at least two letters, at least one
    // substitution, no other digit, and no more substitutions than letters + 1 ("1n5truct10n5", "y0ur"; not "A-55812",
    // "1Z999AA10123456784" or "v7").
    private void UndoLeetspeak(bool oneAsL)
    {
        var chars = _chars;
        var i = 0;
        while (i < Length)
        {
            if (!(IsLetter(chars[i]) || char.IsAsciiDigit(chars[i]) || chars[i] is '@' or '$'))
            {
                i++;
                continue;
            }

            var start = i;
            int letters = 0, substitutions = 0, otherDigits = 0;
            while (i < Length && (IsLetter(chars[i]) || char.IsAsciiDigit(chars[i]) || chars[i] is '@' or '$'))
            {
                if (IsLetter(chars[i]))
                {
                    letters++;
                }
                else if (Leet(chars[i], oneAsL) is not null)
                {
                    substitutions++;
                }
                else
                {
                    otherDigits++;
                }

                i++;
            }

            if (letters >= 2 && substitutions >= 1 && otherDigits == 0 && substitutions <= letters + 1)
            {
                for (var j = start; j < i; j++)
                {
                    if (Leet(chars[j], oneAsL) is { } letter)
                    {
                        ReadOneAsLetter |= chars[j] == '1';
                        chars[j] = letter;
                    }
                }

                Obfuscated = true;
            }
        }
    }

    // Runs of spaces become one, so multi-word triggers and patterns see "set aside" however it was spaced.
    private void CollapseSpaces()
    {
        var chars = _chars;
        var map = _map;
        var write = 0;
        for (var read = 0; read < Length; read++)
        {
            if (chars[read] == ' ' && write > 0 && chars[write - 1] == ' ')
            {
                continue;
            }

            chars[write] = chars[read];
            map[write++] = map[read];
        }

        Length = write;
    }

    private static bool IsSpacingSeparator(char c) => c is ' ' or '.' or '-' or '_' or '*' or '\u00B7' or '+' or '|';

    private bool IsIsolatedLetter(int index) =>
        index < Length && IsLetter(_chars[index]) && (index + 1 >= Length || !IsLetter(_chars[index + 1]))
        && (index == 0 || !IsLetter(_chars[index - 1]));

    // Collapses runs of single letters separated by one separator character ("i g n o r e", "s.y.s.t.e.m"), keeping a
    // single space where the run had a wider gap between words ("i g n o r e   a l l" → "ignore all").
    private void CollapseSpacedLetters()
    {
        var chars = _chars;
        var map = _map;
        var write = 0;
        var read = 0;
        while (read < Length)
        {
            if (IsIsolatedLetter(read) && CountSpacedRun(read) >= 4)
            {
                read = CopySpacedRun(read, ref write);
                Obfuscated = true;
                continue;
            }

            chars[write] = chars[read];
            map[write++] = map[read++];
        }

        Length = write;
    }

    // Counts the letters of a run of single letters joined by one separator character, starting at an isolated letter.
    private int CountSpacedRun(int start)
    {
        var count = 1;
        var i = start;
        while (i + 2 < Length && IsSpacingSeparator(_chars[i + 1]) && IsIsolatedLetter(i + 2))
        {
            count++;
            i += 2;
        }

        return count;
    }

    private int CopySpacedRun(int start, ref int write)
    {
        var chars = _chars;
        var map = _map;
        var i = start;
        while (true)
        {
            chars[write] = chars[i];
            map[write++] = map[i];
            if (i + 2 < Length && IsSpacingSeparator(chars[i + 1]) && IsIsolatedLetter(i + 2))
            {
                CollapsedSpacedLetters |= chars[i + 1] == ' ';
                i += 2;
                continue;
            }

            // A wider gap (two or more spaces) followed by another spaced word continues the run as a new word.
            var gap = i + 1;
            while (gap < Length && chars[gap] == ' ')
            {
                gap++;
            }

            if (gap - (i + 1) >= 2 && IsIsolatedLetter(gap)
                && (CountSpacedRun(gap) >= 2 || gap + 1 >= Length || chars[gap + 1] == ' '))
            {
                chars[write] = ' ';
                map[write++] = map[i + 1];
                i = gap;
                continue;
            }

            return i + 1;
        }
    }
}
