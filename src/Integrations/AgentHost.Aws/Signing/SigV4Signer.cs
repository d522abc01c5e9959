using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AgentHost.Aws.Credentials;

namespace AgentHost.Aws.Signing;

/// <summary>
/// A pure implementation of AWS Signature Version 4 header signing (<c>AWS4-HMAC-SHA256</c>),
/// checked against the official AWS SigV4 test suite. No I/O, no clock: everything comes from the arguments.
/// </summary>
public static class SigV4Signer
{
    /// <summary>The algorithm name.</summary>
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>The SHA-256 of an empty body.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>The name of the authorization header.</summary>
    public const string AuthorizationHeader = "Authorization";

    /// <summary>The name of the date header.</summary>
    public const string DateHeader = "X-Amz-Date";

    /// <summary>The name of the session token header.</summary>
    public const string SecurityTokenHeader = "X-Amz-Security-Token";

    /// <summary>The name of the payload hash header.</summary>
    public const string ContentSha256Header = "X-Amz-Content-SHA256";

    /// <summary>Returns the lowercase hex SHA-256 of a payload.</summary>
    /// <param name="payload">The body bytes.</param>
    /// <returns>The hex digest.</returns>
    public static string HashPayload(ReadOnlySpan<byte> payload)
        => Convert.ToHexStringLower(SHA256.HashData(payload));

    /// <summary>Signs a request.</summary>
    /// <param name="request">The request parts.</param>
    /// <param name="credentials">The credentials. The secret never leaves this method except as a derived signature.</param>
    /// <param name="options">Service, region, time and variants.</param>
    /// <returns>The signature and the headers to add to the request.</returns>
    public static SigV4Signature Sign(SigV4Request request, AwsCredentials credentials, SigV4SigningOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(options);

        var time = options.Timestamp.UtcDateTime;
        var amzDate = time.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = time.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        var added = new List<KeyValuePair<string, string>> { new(DateHeader, amzDate) };
        if (options.AddContentSha256Header)
        {
            added.Add(new(ContentSha256Header, request.PayloadHash));
        }

        if (credentials.SessionToken is not null && !options.OmitSessionTokenFromSignature)
        {
            added.Add(new(SecurityTokenHeader, credentials.SessionToken));
        }

        var toSign = request.Headers.Where(h => !IsSigningHeader(h.Key)).Concat(added);
        var (canonicalHeaders, signedHeaders) = SigV4Canonicalizer.CanonicalHeaders(toSign);

        var canonicalRequest = string.Join(
            '\n',
            request.Method.ToUpperInvariant(),
            SigV4Canonicalizer.CanonicalPath(request.Path, options.NormalizePath),
            SigV4Canonicalizer.CanonicalQuery(request.Query),
            canonicalHeaders,
            signedHeaders,
            request.PayloadHash);

        var scope = $"{date}/{options.Region}/{options.Service}/aws4_request";
        var stringToSign = string.Join(
            '\n',
            Algorithm,
            amzDate,
            scope,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

        var key = DeriveKey(credentials.SecretAccessKey, date, options.Region, options.Service);
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(stringToSign)));

        if (credentials.SessionToken is not null && options.OmitSessionTokenFromSignature)
        {
            added.Add(new(SecurityTokenHeader, credentials.SessionToken));
        }

        added.Add(new(
            AuthorizationHeader,
            $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}"));

        return new SigV4Signature(canonicalRequest, stringToSign, signature, signedHeaders, added);
    }

    private static bool IsSigningHeader(string name)
        => name.Equals(AuthorizationHeader, StringComparison.OrdinalIgnoreCase)
            || name.Equals(DateHeader, StringComparison.OrdinalIgnoreCase)
            || name.Equals(SecurityTokenHeader, StringComparison.OrdinalIgnoreCase);

    private static byte[] DeriveKey(string secret, string date, string region, string service)
    {
        var kDate = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secret), Encoding.UTF8.GetBytes(date));
        var kRegion = HMACSHA256.HashData(kDate, Encoding.UTF8.GetBytes(region));
        var kService = HMACSHA256.HashData(kRegion, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(kService, "aws4_request"u8);
    }
}
