namespace AgentHost.Sanitization;

/// <summary>The kinds of personal data the masker recognises.</summary>
public enum PiiKind
{
    /// <summary>A payment card number: 13-19 digits, Luhn-valid, with a known issuer prefix; bare or grouped by spaces or dashes.</summary>
    Card,

    /// <summary>A US Social Security number (ddd-dd-dddd, or nine digits next to an SSN label) outside the never-issued ranges.</summary>
    Ssn,

    /// <summary>A US Employer Identification Number (dd-ddddddd, or nine digits next to an EIN/tax-id label) with an IRS-assigned prefix.</summary>
    Ein,

    /// <summary>A Brazilian CPF (ddd.ddd.ddd-dd or eleven digits) with valid check digits.</summary>
    Cpf,

    /// <summary>A Brazilian CNPJ (dd.ddd.ddd/dddd-dd or fourteen digits) with valid check digits.</summary>
    Cnpj,

    /// <summary>An IBAN (country code, check digits, account) that passes the mod-97 check, with or without spaces.</summary>
    Iban,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>A phone number: E.164 (+country code) and the common national formats of the US, Brazil, Spain, Portugal, France and the UK.</summary>
    Phone,
}
