namespace AgentHost.Sanitization.Pii;

/// <summary>The check-digit and range rules that separate personal identifiers from other numbers.</summary>
internal static class Checksums
{
    // EIN prefixes the IRS assigns (campus and internet prefixes); 00, 07-09, 17-19, 28-29, 49, 69-70, 78-79, 89, 96-97 are not.
    private static readonly bool[] EinPrefixes = BuildEinPrefixes();

    /// <summary>The Luhn (mod 10) check of a card number.</summary>
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubled = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubled)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    /// <summary>True when the number starts like a card of a known network (Visa, Mastercard, Amex, Discover, Diners, JCB, UnionPay, Maestro, Elo, Hipercard).</summary>
    public static bool CardPrefix(ReadOnlySpan<char> digits)
    {
        var two = (digits[0] - '0') * 10 + (digits[1] - '0');
        var four = two * 100 + (digits[2] - '0') * 10 + (digits[3] - '0');
        return digits[0] switch
        {
            '4' => true,
            '5' => two is >= 50 and <= 59,
            '2' => four is >= 2221 and <= 2720,
            '3' => two is 30 or 34 or 35 or 36 or 37 or 38 or 39,
            '6' => two is 60 or 62 or 63 or 64 or 65 or 67 or 69,
            _ => false,
        };
    }

    /// <summary>The CPF check digits (eleven digits).</summary>
    public static bool Cpf(ReadOnlySpan<char> d)
    {
        if (d.Length != 11 || AllSame(d))
        {
            return false;
        }

        return CpfDigit(d, 9) == d[9] - '0' && CpfDigit(d, 10) == d[10] - '0';
    }

    /// <summary>The CNPJ check digits (fourteen digits).</summary>
    public static bool Cnpj(ReadOnlySpan<char> d)
    {
        if (d.Length != 14 || AllSame(d))
        {
            return false;
        }

        ReadOnlySpan<int> weights = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
        return CnpjDigit(d, 12, weights[1..]) == d[12] - '0' && CnpjDigit(d, 13, weights) == d[13] - '0';
    }

    /// <summary>An SSN outside the never-issued ranges (area 000, 666, 900-999; group 00; serial 0000) and the two published advertising numbers.</summary>
    public static bool Ssn(ReadOnlySpan<char> d)
    {
        if (d.Length != 9)
        {
            return false;
        }

        var area = int.Parse(d[..3], provider: System.Globalization.CultureInfo.InvariantCulture);
        var group = int.Parse(d.Slice(3, 2), provider: System.Globalization.CultureInfo.InvariantCulture);
        var serial = int.Parse(d[5..], provider: System.Globalization.CultureInfo.InvariantCulture);
        return area is > 0 and < 900 and not 666 && group > 0 && serial > 0
            && !d.SequenceEqual("078051120") && !d.SequenceEqual("219099999");
    }

    /// <summary>An EIN with an IRS-assigned prefix (nine digits).</summary>
    public static bool Ein(ReadOnlySpan<char> d) =>
        d.Length == 9 && EinPrefixes[(d[0] - '0') * 10 + (d[1] - '0')] && !AllSame(d);

    /// <summary>The IBAN mod-97 check (country, check digits, account; upper-case letters and digits only).</summary>
    public static bool Iban(ReadOnlySpan<char> iban)
    {
        if (iban.Length < 15 || iban.Length > 34)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = iban[(i + 4) % iban.Length];
            if (char.IsAsciiDigit(c))
            {
                remainder = (remainder * 10 + (c - '0')) % 97;
            }
            else if (char.IsAsciiLetterUpper(c))
            {
                remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }

    /// <summary>True when every digit is the same (000..., 111...).</summary>
    public static bool AllSame(ReadOnlySpan<char> d) => d.Length > 0 && !d.ContainsAnyExcept(d[0]);

    private static int CpfDigit(ReadOnlySpan<char> d, int count)
    {
        var sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += (d[i] - '0') * (count + 1 - i);
        }

        var r = sum * 10 % 11;
        return r == 10 ? 0 : r;
    }

    private static int CnpjDigit(ReadOnlySpan<char> d, int count, ReadOnlySpan<int> weights)
    {
        var sum = 0;
        for (var i = 0; i < count; i++)
        {
            sum += (d[i] - '0') * weights[i];
        }

        var r = sum % 11;
        return r < 2 ? 0 : 11 - r;
    }

    private static bool[] BuildEinPrefixes()
    {
        var valid = new bool[100];
        int[] ranges = [1, 6, 10, 16, 20, 27, 30, 48, 50, 68, 71, 77, 80, 88, 90, 95, 98, 99];
        for (var i = 0; i < ranges.Length; i += 2)
        {
            for (var p = ranges[i]; p <= ranges[i + 1]; p++)
            {
                valid[p] = true;
            }
        }

        return valid;
    }
}
