using System.Text;
using AgentHost.Aws.Credentials;
using AgentHost.Aws.Signing;
using AgentHost.Aws.Tests.Support;

namespace AgentHost.Aws.Tests.Signing;

public sealed class SigV4SigningHandlerTests
{
    public static TheoryData<string> Names() => new(GeneratedVector.LoadAll().Select(v => v.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task SendAsync_GeneratedVectorRequest_AddsTheReferenceAuthorizationHeaderAsync(string name)
    {
        var vector = GeneratedVector.Load(name);
        var capture = new CapturingHandler();
        using var handler = new SigV4SigningHandler(vector.Service, vector.Region, new StaticAwsCredentialsProvider(vector.Credentials), capture, new FixedTimeProvider(vector.SigningDate));
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(new HttpMethod(vector.Method), vector.Url);
        var contentType = vector.Headers.Single(h => h.Key == "content-type").Value;
        request.Content = new StringContent(vector.Body, Encoding.UTF8, contentType);
        request.Content.Headers.ContentType!.CharSet = null;
        foreach (var (key, value) in vector.Headers.Where(h => h.Key != "content-type"))
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        request.Headers.UserAgent.ParseAdd("agenthost-tests/1.0");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var sent = capture.Request!;
        Assert.Equal(vector.Authorization, string.Join(",", sent.Headers.GetValues("Authorization")));
        Assert.Equal(vector.Credentials.SessionToken, sent.Headers.GetValues("X-Amz-Security-Token").Single());
        Assert.Equal(vector.SigningDate.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), sent.Headers.GetValues("X-Amz-Date").Single());
    }

    [Fact]
    public async Task SendAsync_RequestAlreadySigned_ReplacesTheOldSignatureAsync()
    {
        var vector = GeneratedVector.Load("bedrock-converse");
        var capture = new CapturingHandler();
        using var handler = new SigV4SigningHandler("bedrock", "us-east-1", new StaticAwsCredentialsProvider(vector.Credentials), capture, new FixedTimeProvider(vector.SigningDate));
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("https://example.amazonaws.com/"));
        request.Headers.TryAddWithoutValidation("Authorization", "stale");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20000101T000000Z");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/us-east-1/bedrock/aws4_request", capture.Request!.Headers.GetValues("Authorization").Single(), StringComparison.Ordinal);
        Assert.Equal("20250115T123456Z", capture.Request.Headers.GetValues("X-Amz-Date").Single());
    }

    [Fact]
    public void AwsCredentials_ToString_DoesNotRevealSecretOrToken()
    {
        var credentials = new AwsCredentials("AKIDEXAMPLE", "super-secret-value", "session-token-value");

        var text = credentials.ToString();

        Assert.DoesNotContain("super-secret-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("session-token-value", text, StringComparison.Ordinal);
        Assert.Contains("AKIDEXAMPLE", text, StringComparison.Ordinal);
    }
}
