using System.Collections.Concurrent;

namespace AgentHost.Sanitization.Pii;

/// <summary>Reads a JSON property name (<c>taxId</c>, <c>phone_number</c>, <c>orderId</c>) as a <see cref="FieldHint"/>.</summary>
internal static class FieldHints
{
    // Tools return the same property names over and over: each is classified once (up to a bound, then computed each time).
    private const int MaxCached = 4096;
    private static readonly ConcurrentDictionary<string, FieldHint> Cache = new(StringComparer.Ordinal);

    /// <summary>The hint of a property name; <see cref="FieldHint.None"/> for null.</summary>
    public static FieldHint Of(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return FieldHint.None;
        }

        if (Cache.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var hint = Classify(name);
        if (Cache.Count < MaxCached)
        {
            Cache.TryAdd(name, hint);
        }

        return hint;
    }

    private static FieldHint Classify(string name)
    {

        Span<char> buffer = stackalloc char[Math.Min(name.Length, 64)];
        var length = 0;
        foreach (var c in name.AsSpan(0, Math.Min(name.Length, 64)))
        {
            if (char.IsAsciiLetter(c))
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }

        var key = buffer[..length];
        if (key.Contains("ssn", StringComparison.Ordinal) || key.Contains("socialsecurity", StringComparison.Ordinal))
        {
            return FieldHint.Ssn;
        }

        if (key.Contains("cpf", StringComparison.Ordinal) || key.Contains("cnpj", StringComparison.Ordinal) || key.SequenceEqual("documento"))
        {
            return FieldHint.BrazilianTaxId;
        }

        if (key.Contains("ein", StringComparison.Ordinal) && !key.Contains("reinv", StringComparison.Ordinal) || key.Contains("taxid", StringComparison.Ordinal)
            || key.SequenceEqual("tin") || key.EndsWith("taxnumber", StringComparison.Ordinal) || key.Contains("employerid", StringComparison.Ordinal))
        {
            return FieldHint.TaxId;
        }

        if (key.Contains("phone", StringComparison.Ordinal) || key.StartsWith("tel", StringComparison.Ordinal) || key.Contains("mobile", StringComparison.Ordinal)
            || key.Contains("cell", StringComparison.Ordinal) || key.Contains("fax", StringComparison.Ordinal) || key.Contains("whatsapp", StringComparison.Ordinal)
            || key.Contains("celular", StringComparison.Ordinal) || key.Contains("telefon", StringComparison.Ordinal) || key.Contains("movil", StringComparison.Ordinal)
            || key.Contains("telemovel", StringComparison.Ordinal) || key.Contains("portable", StringComparison.Ordinal))
        {
            return FieldHint.Phone;
        }

        if (key.Contains("card", StringComparison.Ordinal) || key.SequenceEqual("pan") || key.Contains("cartao", StringComparison.Ordinal)
            || key.Contains("tarjeta", StringComparison.Ordinal) || key.Contains("carte", StringComparison.Ordinal))
        {
            return FieldHint.Card;
        }

        ReadOnlySpan<string> notPersonal =
        [
            "order", "invoice", "tracking", "reference", "transaction", "txn", "protocol", "serial", "imei", "iccid", "sku", "ticket",
            "case", "policy", "account", "conta", "cuenta", "compte", "pedido", "factura", "fatura", "commande", "contrat", "contract",
            "confirmation", "auth", "queue", "shipment", "parcel", "batch", "version", "model",
        ];
        foreach (var word in notPersonal)
        {
            if (key.Contains(word, StringComparison.Ordinal))
            {
                return FieldHint.NotPersonal;
            }
        }

        // A generic "...Id" says nothing: Brazilian systems often key customers by their CPF.
        return FieldHint.None;
    }
}
