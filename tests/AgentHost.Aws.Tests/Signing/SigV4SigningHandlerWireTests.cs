using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using AgentHost.Aws.Credentials;
using AgentHost.Aws.Signing;
using AgentHost.Aws.Tests.Support;

namespace AgentHost.Aws.Tests.Signing;

/// <summary>Signs real requests and verifies the signature from the bytes that crossed the wire, as AWS would.</summary>
public sealed class SigV4SigningHandlerWireTests
{
    private static readonly AwsCredentials Credentials = new("AKIDWIRETEST", "wire/secret+key", "wire-session-token");

    [Fact]
    public async Task SendAsync_McpStylePostWithMultiValueAccept_SignatureVerifiesFromTheWireBytesAsync()
    {
        using var server = new RawHttpServer();
        using var handler = new SigV4SigningHandler("bedrock-agentcore", "eu-west-1", new StaticAwsCredentialsProvider(Credentials), new SocketsHttpHandler());
        using var client = new HttpClient(handler);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{server.Port}/mcp"));
        request.Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", Encoding.UTF8, "application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.TryAddWithoutValidation("Mcp-Session-Id", "session-123");
        request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", "2025-06-18");

        var receive = server.ReceiveOneAsync(TestContext.Current.CancellationToken);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var (requestLine, headers, body) = await receive;

        Assert.Equal("POST /mcp HTTP/1.1", requestLine);
        var signedHeaders = AssertSignatureValid("POST", "/mcp", string.Empty, headers, body, "bedrock-agentcore", "eu-west-1");
        Assert.Contains("accept", signedHeaders);
        Assert.Contains("mcp-session-id", signedHeaders);
        Assert.Contains("content-type", signedHeaders);
    }

    [Fact]
    public async Task SendAsync_InvokeAgentRuntimeWithEncodedArnAndQuery_SignatureVerifiesFromTheWireBytesAsync()
    {
        using var server = new RawHttpServer();
        using var handler = new SigV4SigningHandler("bedrock-agentcore", "us-east-1", new StaticAwsCredentialsProvider(Credentials), new SocketsHttpHandler());
        using var client = new HttpClient(handler);
        var arn = Uri.EscapeDataString("arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/agent-AbC");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"http://127.0.0.1:{server.Port}/runtimes/{arn}/invocations?qualifier=DEFAULT"));
        request.Content = new StringContent("""{"prompt":"hi"}""", Encoding.UTF8, "application/json");
        request.Headers.TryAddWithoutValidation("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", new string('s', 40));

        var receive = server.ReceiveOneAsync(TestContext.Current.CancellationToken);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var (requestLine, headers, body) = await receive;

        var target = requestLine.Split(' ')[1];
        Assert.Contains("%3A", target, StringComparison.Ordinal);
        Assert.Contains("%2F", target, StringComparison.Ordinal);
        var q = target.IndexOf('?', StringComparison.Ordinal);
        AssertSignatureValid("POST", target[..q], target[(q + 1)..], headers, body, "bedrock-agentcore", "us-east-1");
    }

    [Fact]
    public async Task SendAsync_GetWithoutBody_SignsTheEmptyPayloadAsync()
    {
        using var server = new RawHttpServer();
        using var handler = new SigV4SigningHandler("bedrock-agentcore", "us-east-1", new StaticAwsCredentialsProvider(Credentials), new SocketsHttpHandler());
        using var client = new HttpClient(handler);

        var receive = server.ReceiveOneAsync(TestContext.Current.CancellationToken);
        using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{server.Port}/mcp?a=1&b=two%20words"), TestContext.Current.CancellationToken);
        var (requestLine, headers, body) = await receive;

        Assert.Empty(body);
        var target = requestLine.Split(' ')[1];
        var q = target.IndexOf('?', StringComparison.Ordinal);
        AssertSignatureValid("GET", target[..q], target[(q + 1)..], headers, body, "bedrock-agentcore", "us-east-1");
    }

    private static string[] AssertSignatureValid(string method, string path, string query, List<KeyValuePair<string, string>> headers, byte[] body, string service, string region)
    {
        string Header(string name) => string.Join(",", headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value));
        var authorization = Header("Authorization");
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={Credentials.AccessKeyId}/", authorization, StringComparison.Ordinal);
        Assert.Equal(Credentials.SessionToken, Header("X-Amz-Security-Token"));
        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var signed = parts["SignedHeaders"].Split(';');
        var toSign = signed.Where(h => h is not "x-amz-date" and not "x-amz-security-token").Select(h => new KeyValuePair<string, string>(h, Header(h))).ToList();
        var time = DateTimeOffset.ParseExact(Header("X-Amz-Date"), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        var expected = SigV4Signer.Sign(new SigV4Request(method, path, query, toSign, SigV4Signer.HashPayload(body)), Credentials, new SigV4SigningOptions(service, region, time));

        Assert.Equal(expected.Signature, parts["Signature"]);
        Assert.Equal($"{Credentials.AccessKeyId}/{time:yyyyMMdd}/{region}/{service}/aws4_request", parts["Credential"]);
        return signed;
    }
}
