using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AgentHost.Aws.Credentials;
using AgentHost.Aws.Signing;
using Microsoft.AspNetCore.Http;

namespace AgentHost.Gateway.Tests.Support;

/// <summary>Authentication of the test server: bearer tokens from its own token endpoint, or a verified SigV4 signature.</summary>
internal sealed partial class TestMcpServer
{
    public static readonly AwsCredentials SigningCredentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-example");

    /// <summary>Requests whose SigV4 signature was recomputed and matched.</summary>
    public int VerifiedSignatures => Volatile.Read(ref _verifiedSignatures);

    private int _verifiedSignatures;

    /// <summary>Every request: HTTP method, JSON-RPC method (POST), the <c>arguments</c> of a <c>tools/call</c>, and the Authorization header.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    private bool Authorize(HttpContext context, byte[] body)
    {
        var header = context.Request.Headers.Authorization.ToString();
        AuthorizationHeaders.Enqueue(header);
        Requests.Enqueue(RecordedRequest.Read(context.Request.Method, body, header));
        var ok = Auth switch
        {
            AuthMode.Bearer => header.StartsWith("Bearer ", StringComparison.Ordinal) && _validTokens.ContainsKey(header["Bearer ".Length..]),
            AuthMode.SigV4 => VerifySignature(context, header, body),
            _ => true,
        };
        if (!ok)
        {
            Interlocked.Increment(ref _unauthorized);
        }

        return ok;
    }

    private bool VerifySignature(HttpContext context, string header, byte[] body)
    {
        var match = Regex.Match(header, "^AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$");
        if (!match.Success || match.Groups[4].Value != "bedrock-agentcore" || match.Groups[3].Value != SigningRegion ||
            match.Groups[1].Value != SigningCredentials.AccessKeyId ||
            context.Request.Headers["X-Amz-Security-Token"].ToString() != SigningCredentials.SessionToken)
        {
            return false;
        }

        var date = DateTimeOffset.ParseExact(context.Request.Headers["X-Amz-Date"].ToString(), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var headers = match.Groups[5].Value.Split(';')
            .Select(name => new KeyValuePair<string, string>(name, name == "host" ? context.Request.Host.Value! : string.Join(",", context.Request.Headers[name].ToArray())))
            .ToList();
        var expected = SigV4Signer.Sign(
            new SigV4Request(context.Request.Method, context.Request.Path.Value ?? "/", context.Request.QueryString.Value?.TrimStart('?') ?? string.Empty, headers, SigV4Signer.HashPayload(body)),
            SigningCredentials,
            new SigV4SigningOptions("bedrock-agentcore", SigningRegion, date));
        var ok = expected.Authorization == header;
        if (ok)
        {
            Interlocked.Increment(ref _verifiedSignatures);
        }

        return ok;
    }

    private async Task HandleTokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret));
        if (context.Request.Headers.Authorization.ToString() != expected || form["grant_type"] != "client_credentials")
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await context.Response.WriteAsync("""{"error":"invalid_client"}""");
            return;
        }

        var token = "token-" + Interlocked.Increment(ref _tokenCounter).ToString(CultureInfo.InvariantCulture);
        _validTokens[token] = 0;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"access_token":"{{token}}","token_type":"Bearer","expires_in":{{TokenLifetimeSeconds}}}""");
    }
}
