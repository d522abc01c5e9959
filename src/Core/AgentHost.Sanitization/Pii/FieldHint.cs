namespace AgentHost.Sanitization.Pii;

/// <summary>What the name of the JSON field holding a value says about it.</summary>
internal enum FieldHint
{
    /// <summary>Nothing (or not a JSON value).</summary>
    None,

    /// <summary>A field for an SSN.</summary>
    Ssn,

    /// <summary>A field for an EIN or tax id.</summary>
    TaxId,

    /// <summary>A field for a phone number.</summary>
    Phone,

    /// <summary>A field for a card number.</summary>
    Card,

    /// <summary>A field for a Brazilian tax id (CPF/CNPJ).</summary>
    BrazilianTaxId,

    /// <summary>A field for an identifier that is not personal data (order, invoice, tracking, account, reference ...).</summary>
    NotPersonal,
}
