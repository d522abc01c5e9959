namespace AgentHost.Sanitization.Tests.Pii;

/// <summary>Each kind of personal data is masked to its typed placeholder; numbers that are not personal data stay.</summary>
public sealed class PiiMaskingTests
{
    private static readonly ToolResultSanitizer Sanitizer = new(new SanitizationOptions());

    public static TheoryData<string, string, string> Values => new()
    {
        // text, value, placeholder
        { "Paid with 4242 4242 4242 4242 yesterday.", "4242 4242 4242 4242", "[CARD ••••4242]" },
        { "Card 5555-5555-5555-4444 declined.", "5555-5555-5555-4444", "[CARD ••••4444]" },
        { "Card on file: 4111111111111111.", "4111111111111111", "[CARD ••••1111]" },
        { "Amex 3782 822463 10005 charged.", "3782 822463 10005", "[CARD ••••0005]" },
        { "Diners 3056 930902 5904 used.", "3056 930902 5904", "[CARD ••••5904]" },
        { "Visa 4222222222222 (13 digits).", "4222222222222", "[CARD ••••2222]" },
        { "Card 6011 1111 1111 1117, exp 12/27.", "6011 1111 1111 1117", "[CARD ••••1117]" },
        { "SSN 123-45-6789 on the form.", "123-45-6789", "[SSN ••••6789]" },
        { "Social security number: 078 05 1121.", "078 05 1121", "[SSN ••••1121]" },
        { "SSN: 212345678 read out by the caller.", "212345678", "[SSN ••••5678]" },
        { "EIN 12-3456789 for the LLC.", "12-3456789", "[EIN ••••6789]" },
        { "Tax ID 453456789 on the W-9.", "453456789", "[EIN ••••6789]" },
        { "CPF 529.982.247-25 conferido.", "529.982.247-25", "[CPF ••••4725]" },
        { "CPF 52998224725 conferido.", "52998224725", "[CPF ••••4725]" },
        { "CNPJ 11.222.333/0001-81 ativo.", "11.222.333/0001-81", "[CNPJ ••••0181]" },
        { "CNPJ 11222333000181 ativo.", "11222333000181", "[CNPJ ••••0181]" },
        { "IBAN DE89 3704 0044 0532 0130 00 for the refund.", "DE89 3704 0044 0532 0130 00", "[IBAN DE••••3000]" },
        { "IBAN GB82WEST12345698765432 confirmed.", "GB82WEST12345698765432", "[IBAN GB••••5432]" },
        { "Write to ana.souza+bank@example.com.br please.", "ana.souza+bank@example.com.br", "[EMAIL]" },
        { "Call +1 415 555 0132 after 5pm.", "+1 415 555 0132", "[PHONE ••••0132]" },
        { "Call (415) 555-0198 after 5pm.", "(415) 555-0198", "[PHONE ••••0198]" },
        { "Ligar para (11) 98765-4321 amanhã.", "(11) 98765-4321", "[PHONE ••••4321]" },
        { "Celular +55 11 91234-5678.", "+55 11 91234-5678", "[PHONE ••••5678]" },
        { "Móvil 612 345 678 de contacto.", "612 345 678", "[PHONE ••••5678]" },
        { "Fijo 91 123 45 67.", "91 123 45 67", "[PHONE ••••4567]" },
        { "Numéro 06 12 34 56 78.", "06 12 34 56 78", "[PHONE ••••5678]" },
        { "Tel. 01.42.68.53.00 au bureau.", "01.42.68.53.00", "[PHONE ••••5300]" },
        { "Landline 020 7946 0958.", "020 7946 0958", "[PHONE ••••0958]" },
        { "Mobile 07700 900123.", "07700 900123", "[PHONE ••••0123]" },
        { "Telemóvel 912 345 678.", "912 345 678", "[PHONE ••••5678]" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Sanitize_PersonalValue_IsMaskedToItsTypedPlaceholder(string text, string value, string placeholder)
    {
        var result = Sanitizer.Sanitize(text);

        Assert.DoesNotContain(value, result.Text, StringComparison.Ordinal);
        Assert.Equal(text.Replace(value, placeholder, StringComparison.Ordinal), result.Text);
    }

    public static TheoryData<string> NotPersonal => new()
    {
        "Order #A-55812 total $1,284.90, due 2024-12-31.",
        "Invoice 4000123412341235 merged.",
        "Test card 4111 1111 1111 1112 failed the Luhn check.",
        "SSN 000-12-3456 and 666-45-6789 and 912-34-5678 are never issued.",
        "Policy 12-3456789-01 renewed.",
        "EIN 07-1234567 is not an IRS prefix.",
        "CPF 529.982.247-24 rejeitado.",
        "CNPJ 11.222.333/0001-80 inválido.",
        "IBAN DE88 3704 0044 0532 0130 00 fails mod 97.",
        "Tracking 1Z999AA10123456784, order 884120019, model XR-200.",
        "Meeting 2024-05-14 10:30; dial-in 774 2210; ref 55120093.",
        "Montant 12 450,00 € ; total R$ 1.349,90; 1,204 calls; 97.5% SLA.",
        "Account 00481279 balance 15230.55 USD.",
        "Nota fiscal 000.123.456 emitida em 15/03/2024.",
        "Version 4.2.1 build 20240318-7781.",
        "Contact us at support (no e-mail), user@localhost is not an address.",
    };

    [Theory]
    [MemberData(nameof(NotPersonal))]
    public void Sanitize_NumbersThatAreNotPersonalData_AreKept(string text)
    {
        var result = Sanitizer.Sanitize(text);

        Assert.Same(text, result.Text);
    }

    [Fact]
    public void Sanitize_PiiFinding_CarriesAHashAndNoRawValue()
    {
        var result = Sanitizer.Sanitize("Card 4242 4242 4242 4242.");

        var finding = Assert.Single(result.Findings);
        Assert.Equal("pii.card", finding.Category);
        Assert.Equal(PiiKind.Card, finding.PiiKind);
        Assert.Equal(5, finding.Start);
        Assert.Equal(19, finding.Length);
        Assert.StartsWith("sha256:", finding.ValueHash, StringComparison.Ordinal);
        Assert.DoesNotContain("4242424242424242", finding.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4242 4242", finding.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sanitize_HashKeyConfigured_HashesWithHmacThatDiffersFromPlainSha256()
    {
        var keyed = new ToolResultSanitizer(new SanitizationOptions { HashKey = "audit-key" });

        var plain = Sanitizer.Sanitize("Card 4242 4242 4242 4242.").Findings[0].ValueHash!;
        var hmac = keyed.Sanitize("Card 4242-4242-4242-4242.").Findings[0].ValueHash!;
        var again = keyed.Sanitize("Card 4242424242424242.").Findings[0].ValueHash!;

        Assert.StartsWith("hmac-sha256:", hmac, StringComparison.Ordinal);
        Assert.Equal(hmac, again); // the hash is of the normalised digits, whatever the grouping
        Assert.NotEqual(plain[7..], hmac[12..]);
    }

    [Fact]
    public void Sanitize_KeepLastDigitsZero_HidesEveryDigit()
    {
        var sanitizer = new ToolResultSanitizer(new SanitizationOptions { Pii = { KeepLastDigits = 0 } });

        Assert.Equal("Card [CARD].", sanitizer.Sanitize("Card 4242 4242 4242 4242.").Text);
    }

    [Fact]
    public void Sanitize_OnlySomeKindsConfigured_MasksOnlyThose()
    {
        var sanitizer = new ToolResultSanitizer(new SanitizationOptions { Pii = { Kinds = [PiiKind.Email] } });

        var result = sanitizer.Sanitize("Card 4242 4242 4242 4242, mail ana@example.com.");

        Assert.Equal("Card 4242 4242 4242 4242, mail [EMAIL].", result.Text);
    }
}
