using System.Globalization;
using AgentHost.Aws.Credentials;
using AgentHost.Aws.Signing;

namespace AgentHost.AgentCore.Client.Tests.Support;

/// <summary>Checks a received request's SigV4 signature by signing what crossed the wire again (as AWS does), with AgentHost.Aws's signer.</summary>
internal static class SigV4Verifier
{
    /// <summary>Returns null when the signature is valid for the service and region, else what is wrong.</summary>
    public static string? Verify(string method, string rawTarget, IReadOnlyDictionary<string, string> headers, byte[] body, AwsCredentials credentials, string service, string region)
    {
        if (!headers.TryGetValue("authorization", out var authorization) || !headers.TryGetValue("x-amz-date", out var amzDate))
        {
            return "missing Authorization or X-Amz-Date";
        }

        var parts = authorization["AWS4-HMAC-SHA256 ".Length..].Split(", ").Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        var scope = parts["Credential"].Split('/');
        if (scope[0] != credentials.AccessKeyId || scope[2] != region || scope[3] != service || scope[4] != "aws4_request")
        {
            return "unexpected credential scope " + string.Join('/', scope.Skip(1));
        }

        if (credentials.SessionToken is not null && headers.GetValueOrDefault("x-amz-security-token") != credentials.SessionToken)
        {
            return "missing or wrong session token";
        }

        var signed = parts["SignedHeaders"].Split(';');
        foreach (var required in new[] { "host", "x-amz-date", "content-type", "x-amzn-bedrock-agentcore-runtime-session-id" })
        {
            if (!signed.Contains(required))
            {
                return "header not signed: " + required;
            }
        }

        var q = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var request = new SigV4Request(
            method,
            q < 0 ? rawTarget : rawTarget[..q],
            q < 0 ? string.Empty : rawTarget[(q + 1)..],
            signed.Where(h => h is not "x-amz-date" and not "x-amz-security-token").Select(h => new KeyValuePair<string, string>(h, headers.GetValueOrDefault(h, string.Empty))).ToList(),
            SigV4Signer.HashPayload(body));
        var time = DateTimeOffset.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var expected = SigV4Signer.Sign(request, credentials, new SigV4SigningOptions(service, region, time));
        return expected.Signature == parts["Signature"] ? null : "signature differs (canonical request: " + expected.CanonicalRequest.Replace('\n', '|') + ")";
    }
}
