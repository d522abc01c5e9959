namespace AgentHost.Sanitization.Text;

/// <summary>
/// Folds one character for detection: lower case, Latin letters without diacritics, Greek and Cyrillic look-alikes and
/// full-width forms to ASCII, typographic quotes and dashes to ASCII, exotic spaces to a space; format characters
/// (zero-width, bidi controls, soft hyphen, variation selectors) to nothing.
/// </summary>
internal static class CharFolding
{
    /// <summary>Returned for characters that are dropped.</summary>
    public const char Removed = '\0';

    private const int TableSize = 0x0530;
    private static readonly char[] Table = BuildTable();
    private static readonly bool[] Lookalike = BuildLookalikes();

    /// <summary>Folds <paramref name="c"/>; <paramref name="obfuscation"/> is true for dropped format characters and look-alikes from other scripts.</summary>
    public static char Fold(char c, out bool obfuscation)
    {
        obfuscation = false;
        if (c < 0x80)
        {
            if (c is >= 'A' and <= 'Z')
            {
                return (char)(c + 32);
            }

            return c is '\t' or '\r' or '\f' or '\v' ? ' ' : c;
        }

        if (c < TableSize)
        {
            if (c == 0x00AD || c == 0x034F)
            {
                obfuscation = true;
                return Removed;
            }

            obfuscation = Lookalike[c];
            return Table[c];
        }

        switch (c)
        {
            case >= '\u200B' and <= '\u200F':
            case >= '\u202A' and <= '\u202E':
            case >= '\u2060' and <= '\u206F':
            case >= '\uFE00' and <= '\uFE0F':
            case '\uFEFF' or '\u180E' or '\u061C' or '\u115F' or '\u1160' or '\u17B4' or '\u17B5' or '\u3164' or '\uFFA0':
                obfuscation = true;
                return Removed;
            case '\u2028' or '\u2029':
                return '\n';
            case '\u1680' or (>= '\u2000' and <= '\u200A') or '\u202F' or '\u205F' or '\u3000':
                return ' ';
            case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032':
                return '\'';
            case (>= '\u201C' and <= '\u201F') or '\u2033':
                return '"';
            case (>= '\u2010' and <= '\u2015') or '\u2212':
                return '-';
            case '\u2026':
                return '.';
            case '\u2581':
                return '_';
            case >= '\uFF01' and <= '\uFF5E':
                obfuscation = true;
                var ascii = (char)(c - 0xFEE0);
                return ascii is >= 'A' and <= 'Z' ? (char)(ascii + 32) : ascii;
            case '\u0261':
                obfuscation = true;
                return 'g';
            default:
                return char.ToLowerInvariant(c);
        }
    }

    /// <summary>
    /// Folds a supplementary-plane character given as a surrogate pair: Unicode tag characters (U+E0020-E007E, invisible
    /// "ASCII smuggling") and mathematical alphanumeric letters (U+1D400-1D6A3) to ASCII; null when it is neither.
    /// </summary>
    public static char? FoldSupplementary(int codePoint)
    {
        if (codePoint is >= 0xE0020 and <= 0xE007E)
        {
            var ascii = (char)(codePoint - 0xE0000);
            return ascii is >= 'A' and <= 'Z' ? (char)(ascii + 32) : ascii;
        }

        if (codePoint is >= 0xE0000 and <= 0xE007F)
        {
            return Removed;
        }

        if (codePoint is >= 0x1D400 and <= 0x1D6A3)
        {
            var offset = (codePoint - 0x1D400) % 52;
            return (char)('a' + (offset % 26));
        }

        return null;
    }

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            table[i] = char.ToLowerInvariant((char)i);
        }

        Map(table, "àáâãäåāăąÀÁÂÃÄÅĀĂĄæÆªǎǍ", 'a');
        Map(table, "çćĉċčÇĆĈĊČ", 'c');
        Map(table, "ďđĎĐðÐ", 'd');
        Map(table, "èéêëēĕėęěÈÉÊËĒĔĖĘĚ", 'e');
        Map(table, "ĝğġģĜĞĠĢ", 'g');
        Map(table, "ĥħĤĦ", 'h');
        Map(table, "ìíîïĩīĭįıÌÍÎÏĨĪĬĮİǐ", 'i');
        Map(table, "ĵĴ", 'j');
        Map(table, "ķĶ", 'k');
        Map(table, "ĺļľŀłĹĻĽĿŁ", 'l');
        Map(table, "ñńņňŉÑŃŅŇ", 'n');
        Map(table, "òóôõöøōŏőÒÓÔÕÖØŌŎŐœŒºǒ", 'o');
        Map(table, "ŕŗřŔŖŘ", 'r');
        Map(table, "śŝşšſŚŜŞŠß", 's');
        Map(table, "ţťŧŢŤŦþÞ", 't');
        Map(table, "ùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲǔ", 'u');
        Map(table, "ŵŴ", 'w');
        Map(table, "ýÿŷÝŸŶ", 'y');
        Map(table, "źżžŹŻŽ", 'z');
        Map(table, "\u00A0", ' ');
        Map(table, "\u00AB\u00BB", '"');
        Map(table, "\u00B4", '\'');

        // Greek and Cyrillic letters that look like Latin ones (homoglyphs).
        Map(table, "ΑαΆάАаӐӑ", 'a');
        Map(table, "ΒβВвЬь", 'b');
        Map(table, "Ссϲ", 'c');
        Map(table, "Ԁԁ", 'd');
        Map(table, "ΕεΈέЕеЁёЄє", 'e');
        Map(table, "ΗНн", 'h');
        Map(table, "ΙιΊίϊІіЇїӀӏ", 'i');
        Map(table, "Јј", 'j');
        Map(table, "ΚκКк", 'k');
        Map(table, "ΜМм", 'm');
        Map(table, "Νη", 'n');
        Map(table, "ΟοΌόОоӦӧ", 'o');
        Map(table, "ΡρРр", 'p');
        Map(table, "Ԛԛ", 'q');
        Map(table, "Ѕѕ", 's');
        Map(table, "ΤτТт", 't');
        Map(table, "υύ", 'u');
        Map(table, "ν", 'v');
        Map(table, "ωԜԝ", 'w');
        Map(table, "ΧχХх", 'x');
        Map(table, "ΥΎУуҮү", 'y');
        Map(table, "Ζ", 'z');
        return table;
    }

    private static bool[] BuildLookalikes()
    {
        var lookalike = new bool[TableSize];
        for (var i = 0x0370; i < TableSize; i++)
        {
            lookalike[i] = Table is not null && Table[i] is >= 'a' and <= 'z';
        }

        return lookalike;
    }

    private static void Map(char[] table, string from, char to)
    {
        foreach (var c in from)
        {
            table[c] = to;
        }
    }
}
