using AgentHost.Sanitization.Pii;

namespace AgentHost.Sanitization.Tests.Pii;

/// <summary>The check-digit and range rules.</summary>
public sealed class ChecksumTests
{
    [Theory]
    [InlineData("4242424242424242", true)]
    [InlineData("4242424242424241", false)]
    [InlineData("378282246310005", true)]
    public void Luhn_KnownNumbers_AreCheckedCorrectly(string digits, bool valid) => Assert.Equal(valid, Checksums.Luhn(digits));

    [Theory]
    [InlineData("52998224725", true)]
    [InlineData("52998224724", false)]
    [InlineData("11111111111", false)]
    public void Cpf_KnownNumbers_AreCheckedCorrectly(string digits, bool valid) => Assert.Equal(valid, Checksums.Cpf(digits));

    [Theory]
    [InlineData("11222333000181", true)]
    [InlineData("11222333000180", false)]
    [InlineData("00000000000000", false)]
    public void Cnpj_KnownNumbers_AreCheckedCorrectly(string digits, bool valid) => Assert.Equal(valid, Checksums.Cnpj(digits));

    [Theory]
    [InlineData("123456789", true)]
    [InlineData("000123456", false)]
    [InlineData("666123456", false)]
    [InlineData("900123456", false)]
    [InlineData("123006789", false)]
    [InlineData("123450000", false)]
    [InlineData("078051120", false)]
    public void Ssn_Ranges_AreApplied(string digits, bool valid) => Assert.Equal(valid, Checksums.Ssn(digits));

    [Theory]
    [InlineData("123456789", true)]
    [InlineData("071234567", false)]
    [InlineData("001234567", false)]
    [InlineData("991234567", true)]
    public void Ein_Prefixes_AreApplied(string digits, bool valid) => Assert.Equal(valid, Checksums.Ein(digits));

    [Theory]
    [InlineData("DE89370400440532013000", true)]
    [InlineData("DE88370400440532013000", false)]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("BR1800360305000010009795493C1", true)]
    public void Iban_Mod97_IsApplied(string iban, bool valid) => Assert.Equal(valid, Checksums.Iban(iban));
}
