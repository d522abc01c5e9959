namespace AgentHost.Aws.Signing;

/// <summary>Parameters of one Signature Version 4 signing operation.</summary>
/// <param name="Service">The signing name of the service, e.g. <c>bedrock</c> or <c>bedrock-agentcore</c>.</param>
/// <param name="Region">The region, e.g. <c>us-east-1</c>.</param>
/// <param name="Timestamp">The signing time (converted to UTC).</param>
public sealed record SigV4SigningOptions(string Service, string Region, DateTimeOffset Timestamp)
{
    /// <summary>Normalise the path (remove <c>.</c>/<c>..</c> segments and empty segments). Default <see langword="true"/>; S3 uses <see langword="false"/>.</summary>
    public bool NormalizePath { get; init; } = true;

    /// <summary>Add the session token header after signing instead of signing it (a few legacy services). Default <see langword="false"/>.</summary>
    public bool OmitSessionTokenFromSignature { get; init; }

    /// <summary>Add and sign an <c>x-amz-content-sha256</c> header. Default <see langword="false"/>.</summary>
    public bool AddContentSha256Header { get; init; }
}
