namespace AgentHost.Aws.Credentials;

/// <summary>
/// A resolved set of AWS credentials: access key id, secret access key and an optional session token.
/// </summary>
/// <remarks>
/// Sensitive: <see cref="ToString"/> never prints the secret or the session token, so an instance
/// that ends up in a log or an exception message does not leak them.
/// </remarks>
public sealed class AwsCredentials
{
    /// <summary>Creates credentials.</summary>
    /// <param name="accessKeyId">The access key id (not secret, but identifying).</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token of temporary credentials, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The access key id or the secret is empty.</exception>
    public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrWhiteSpace(secretAccessKey);
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
    }

    /// <summary>The access key id.</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key. Never log it.</summary>
    public string SecretAccessKey { get; }

    /// <summary>The session token of temporary credentials, or <see langword="null"/>. Never log it.</summary>
    public string? SessionToken { get; }

    /// <summary>Returns a redacted description (the access key id only).</summary>
    /// <returns>A string without secrets.</returns>
    public override string ToString() => $"AwsCredentials({AccessKeyId}, secret: ***{(SessionToken is null ? string.Empty : ", session token: ***")})";
}
