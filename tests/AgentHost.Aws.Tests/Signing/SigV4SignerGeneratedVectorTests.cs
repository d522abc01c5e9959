using System.Text;
using AgentHost.Aws.Signing;

namespace AgentHost.Aws.Tests.Signing;

public sealed class SigV4SignerGeneratedVectorTests
{
    public static TheoryData<string> Names() => new(GeneratedVector.LoadAll().Select(v => v.Name));

    [Fact]
    public void Vectors_ArePresent_ForConverseConverseStreamAndInvokeAgentRuntime()
    {
        Assert.Equal(["bedrock-converse", "bedrock-converse-stream", "agentcore-invoke-agent-runtime"], GeneratedVector.LoadAll().Select(v => v.Name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Sign_GeneratedVector_DoubleEncodesPathLabelsAndMatchesTheReferenceSigner(string name)
    {
        var vector = GeneratedVector.Load(name);
        var headers = vector.Headers.Prepend(new("host", vector.Url.Authority)).ToList();
        var request = new SigV4Request(vector.Method, vector.Url.AbsolutePath, vector.Url.Query.TrimStart('?'), headers, SigV4Signer.HashPayload(Encoding.UTF8.GetBytes(vector.Body)));

        var signature = SigV4Signer.Sign(request, vector.Credentials, new SigV4SigningOptions(vector.Service, vector.Region, vector.SigningDate));

        Assert.Equal(vector.CanonicalRequest, signature.CanonicalRequest);
        Assert.Equal(vector.StringToSign, signature.StringToSign);
        Assert.Equal(vector.Authorization, signature.Authorization);
    }
}
