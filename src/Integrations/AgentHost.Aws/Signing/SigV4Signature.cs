namespace AgentHost.Aws.Signing;

/// <summary>The result of signing: the intermediate artefacts (for tests and diagnostics) and the headers to send.</summary>
/// <param name="CanonicalRequest">The canonical request.</param>
/// <param name="StringToSign">The string to sign.</param>
/// <param name="Signature">The lowercase hex signature. Sensitive: do not log.</param>
/// <param name="SignedHeaders">The semicolon-separated list of signed header names.</param>
/// <param name="HeadersToAdd">The headers the request must carry (<c>X-Amz-Date</c>, <c>X-Amz-Security-Token</c>, <c>X-Amz-Content-SHA256</c>, <c>Authorization</c>). Sensitive: do not log.</param>
public sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string Signature,
    string SignedHeaders,
    IReadOnlyList<KeyValuePair<string, string>> HeadersToAdd)
{
    /// <summary>The value of the <c>Authorization</c> header.</summary>
    public string Authorization => HeadersToAdd.First(h => h.Key == SigV4Signer.AuthorizationHeader).Value;
}
