using AgentHost.Aws.Signing;

namespace AgentHost.Aws.Tests.Signing;

public sealed class SigV4SignerSuiteTests
{
    public static TheoryData<string> Cases() => new(SuiteCase.Names());

    [Fact]
    public void Suite_IsPresent_WithAllThirtyEightCases()
    {
        Assert.Equal(38, SuiteCase.Names().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sign_OfficialSuiteCase_ProducesTheExpectedCanonicalRequest(string name)
    {
        var suiteCase = SuiteCase.Load(name);

        var signature = SigV4Signer.Sign(suiteCase.Request, suiteCase.Credentials, suiteCase.Options);

        Assert.Equal(suiteCase.Expected("header-canonical-request.txt"), signature.CanonicalRequest);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sign_OfficialSuiteCase_ProducesTheExpectedStringToSignAndSignature(string name)
    {
        var suiteCase = SuiteCase.Load(name);

        var signature = SigV4Signer.Sign(suiteCase.Request, suiteCase.Credentials, suiteCase.Options);

        Assert.Equal(suiteCase.Expected("header-string-to-sign.txt"), signature.StringToSign);
        Assert.Equal(suiteCase.Expected("header-signature.txt").Trim(), signature.Signature);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sign_OfficialSuiteCase_AddsTheHeadersOfTheSignedRequest(string name)
    {
        var suiteCase = SuiteCase.Load(name);

        var signature = SigV4Signer.Sign(suiteCase.Request, suiteCase.Credentials, suiteCase.Options);

        var expectedLines = suiteCase.Expected("header-signed-request.txt").Split('\n');
        foreach (var (header, value) in signature.HeadersToAdd)
        {
            Assert.Contains($"{header}:{value}", expectedLines, StringComparer.OrdinalIgnoreCase);
        }
    }
}
