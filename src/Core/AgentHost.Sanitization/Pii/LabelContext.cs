namespace AgentHost.Sanitization.Pii;

/// <summary>Reads the few words before a number ("SSN:", "tel.", "order #") as a <see cref="FieldHint"/>.</summary>
internal static class LabelContext
{
    private const int Window = 32;

    /// <summary>The hint of the label just before <paramref name="start"/> in <paramref name="text"/>.</summary>
    public static FieldHint Before(ReadOnlySpan<char> text, int start)
    {
        var from = Math.Max(0, start - Window);
        Span<char> buffer = stackalloc char[Window];
        var length = 0;
        foreach (var c in text[from..start])
        {
            buffer[length++] = char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) : c is >= '\u00C0' and <= '\u00FF' ? Fold(c) : ' ';
        }

        // Only the last few words count, and a line break or a semicolon cuts the window.
        ReadOnlySpan<char> window = buffer[..length];
        var cut = text[from..start].LastIndexOfAny(";\n");
        if (cut >= 0)
        {
            window = window[(cut + 1)..];
        }

        window = LastWords(window, 4);
        if (Has(window, "ssn") || Has(window, "social security") || Has(window, "soc sec") || Has(window, "ss"))
        {
            return FieldHint.Ssn;
        }

        if (Has(window, "cpf") || Has(window, "cnpj"))
        {
            return FieldHint.BrazilianTaxId;
        }

        if (Has(window, "ein") || Has(window, "fein") || Has(window, "tin") || Has(window, "tax id") || Has(window, "taxpayer id")
            || Has(window, "employer identification") || Has(window, "federal tax"))
        {
            return FieldHint.TaxId;
        }

        ReadOnlySpan<string> phone =
        [
            "phone", "tel", "telephone", "mobile", "cell", "cellphone", "fax", "whatsapp", "celular", "telefone", "telemovel", "movil",
            "telefono", "fijo", "portable", "joignable", "call", "ligar", "llamar", "appeler", "contact", "contato", "contacto", "sms",
        ];
        foreach (var word in phone)
        {
            if (Has(window, word))
            {
                return FieldHint.Phone;
            }
        }

        ReadOnlySpan<string> notPersonal =
        [
            "order", "invoice", "inv", "tracking", "ref", "reference", "transaction", "txn", "protocol", "protocolo", "pedido", "factura",
            "fatura", "commande", "ticket", "case", "caso", "dossier", "expediente", "nota fiscal", "nf", "serial", "imei", "iccid",
            "sku", "policy", "apolice", "poliza", "contrat", "contract", "contrato", "account", "conta", "cuenta", "compte", "confirmation",
            "auth", "queue", "id", "no", "nr", "po", "batch", "lot", "version", "model",
        ];
        foreach (var word in notPersonal)
        {
            if (Has(window, word))
            {
                return FieldHint.NotPersonal;
            }
        }

        return FieldHint.None;
    }

    private static char Fold(char c) => c switch
    {
        >= '\u00E0' and <= '\u00E5' or >= '\u00C0' and <= '\u00C5' => 'a',
        '\u00E7' or '\u00C7' => 'c',
        >= '\u00E8' and <= '\u00EB' or >= '\u00C8' and <= '\u00CB' => 'e',
        >= '\u00EC' and <= '\u00EF' or >= '\u00CC' and <= '\u00CF' => 'i',
        >= '\u00F2' and <= '\u00F6' or >= '\u00D2' and <= '\u00D6' => 'o',
        >= '\u00F9' and <= '\u00FC' or >= '\u00D9' and <= '\u00DC' => 'u',
        '\u00F1' or '\u00D1' => 'n',
        _ => ' ',
    };

    private static ReadOnlySpan<char> LastWords(ReadOnlySpan<char> text, int count)
    {
        var end = text.Length;
        var i = end - 1;
        var words = 0;
        var inWord = false;
        for (; i >= 0; i--)
        {
            if (text[i] != ' ')
            {
                inWord = true;
            }
            else if (inWord)
            {
                inWord = false;
                if (++words == count)
                {
                    break;
                }
            }
        }

        return text[(i + 1)..end];
    }

    // A whole-word (or whole-phrase) occurrence.
    private static bool Has(ReadOnlySpan<char> window, string word)
    {
        var from = 0;
        while (from <= window.Length - word.Length)
        {
            var index = window[from..].IndexOf(word, StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            index += from;
            var before = index == 0 || window[index - 1] == ' ';
            var after = index + word.Length == window.Length || window[index + word.Length] == ' ';
            if (before && after)
            {
                return true;
            }

            from = index + 1;
        }

        return false;
    }
}
