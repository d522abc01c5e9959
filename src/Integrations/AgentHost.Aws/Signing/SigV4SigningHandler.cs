using System.Net.Http.Headers;
using AgentHost.Aws.Credentials;

namespace AgentHost.Aws.Signing;

/// <summary>
/// An <see cref="HttpClient"/> handler that signs every outgoing request with AWS Signature Version 4
/// (header signing, <c>AWS4-HMAC-SHA256</c>). It signs the host, the request and content headers
/// (except hop-by-hop and tracing headers such as <c>User-Agent</c>, <c>Content-Length</c>,
/// <c>X-Amzn-Trace-Id</c>) and the SHA-256 of the body, which it buffers.
/// </summary>
/// <remarks>
/// Credentials are fetched from the provider for every request, so rotated temporary credentials are
/// picked up. Existing <c>Authorization</c>, <c>X-Amz-Date</c> and <c>X-Amz-Security-Token</c> headers
/// are replaced (a retried request is re-signed). Nothing is logged.
/// </remarks>
public sealed class SigV4SigningHandler : DelegatingHandler
{
    private static readonly HashSet<string> UnsignedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "user-agent", "content-length", "expect", "connection", "transfer-encoding",
        "keep-alive", "proxy-authorization", "te", "upgrade", "x-amzn-trace-id", "traceparent", "tracestate",
        "x-amz-date", "x-amz-security-token", "host",
    };

    private readonly string _service;
    private readonly string _region;
    private readonly IAwsCredentialsProvider _credentials;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the handler. Set <see cref="DelegatingHandler.InnerHandler"/> (or let an HttpClient factory do it).</summary>
    /// <param name="service">The SigV4 signing name, e.g. <c>bedrock</c> or <c>bedrock-agentcore</c>.</param>
    /// <param name="region">The region, e.g. <c>us-east-1</c>.</param>
    /// <param name="credentials">The credentials source.</param>
    /// <param name="timeProvider">The clock for the signing time; defaults to <see cref="TimeProvider.System"/>.</param>
    public SigV4SigningHandler(string service, string region, IAwsCredentialsProvider credentials, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(credentials);
        _service = service;
        _region = region;
        _credentials = credentials;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Creates the handler with an inner handler.</summary>
    /// <param name="service">The SigV4 signing name.</param>
    /// <param name="region">The region.</param>
    /// <param name="credentials">The credentials source.</param>
    /// <param name="innerHandler">The handler that sends the signed request.</param>
    /// <param name="timeProvider">The clock for the signing time; defaults to <see cref="TimeProvider.System"/>.</param>
    public SigV4SigningHandler(string service, string region, IAwsCredentialsProvider credentials, HttpMessageHandler innerHandler, TimeProvider? timeProvider = null)
        : this(service, region, credentials, timeProvider)
    {
        InnerHandler = innerHandler;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        if (!uri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("SigV4 signing needs an absolute request URI.");
        }

        var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);

        var payloadHash = SigV4Signer.EmptyPayloadHash;
        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            payloadHash = SigV4Signer.HashPayload(body);
        }

        request.Headers.Remove(SigV4Signer.AuthorizationHeader);
        request.Headers.Remove(SigV4Signer.DateHeader);
        request.Headers.Remove(SigV4Signer.SecurityTokenHeader);

        var headers = new List<KeyValuePair<string, string>>
        {
            new("host", request.Headers.Host ?? uri.Authority),
        };
        Collect(headers, request.Headers.NonValidated);
        if (request.Content is not null)
        {
            Collect(headers, request.Content.Headers.NonValidated);
        }

        var signature = SigV4Signer.Sign(
            new SigV4Request(request.Method.Method, uri.AbsolutePath, uri.Query.TrimStart('?'), headers, payloadHash),
            credentials,
            new SigV4SigningOptions(_service, _region, _timeProvider.GetUtcNow()));

        foreach (var (name, value) in signature.HeadersToAdd)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static void Collect(List<KeyValuePair<string, string>> target, HttpHeadersNonValidated source)
    {
        foreach (var header in source)
        {
            if (!UnsignedHeaders.Contains(header.Key))
            {
                target.Add(new(header.Key, header.Value.ToString()));
            }
        }
    }
}
