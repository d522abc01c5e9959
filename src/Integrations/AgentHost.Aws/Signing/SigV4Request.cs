namespace AgentHost.Aws.Signing;

/// <summary>The parts of an HTTP request that Signature Version 4 covers.</summary>
/// <param name="Method">The HTTP method, e.g. <c>POST</c>.</param>
/// <param name="Path">The path exactly as sent on the wire (already percent-encoded, e.g. <c>/model/a%3A0/converse</c>); each segment is encoded once more for the canonical URI, as every AWS service except S3 expects.</param>
/// <param name="Query">The query string as sent on the wire, without the leading <c>?</c> (may be empty).</param>
/// <param name="Headers">The headers to sign, in order; the host header must be among them. Repeated names are joined with commas.</param>
/// <param name="PayloadHash">The lowercase hex SHA-256 of the body (<see cref="SigV4Signer.EmptyPayloadHash"/> for none).</param>
public sealed record SigV4Request(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadHash);
