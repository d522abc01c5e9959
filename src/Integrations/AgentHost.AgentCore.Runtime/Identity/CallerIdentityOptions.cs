namespace AgentHost.AgentCore.Runtime.Identity;

/// <summary>
/// Which parts of an invocation the runtime trusts to say who the caller is (<see cref="Abstractions.Agents.CallerIdentity"/>,
/// used by the policy's caller profiles). Nothing is trusted by default; model output never is.
/// </summary>
public sealed class CallerIdentityOptions
{
    /// <summary>
    /// Trust the claims of the inbound bearer JWT because the deployment's AgentCore Runtime inbound authorizer verified it
    /// (the runtime only forwards requests whose token it validated). The token's signature is not checked again here.
    /// Default: false.
    /// </summary>
    public bool TrustJwtClaims { get; set; }

    /// <summary>The claim holding the caller's profile (a string, or the first string of an array). Default: <c>profile</c>.</summary>
    public string ProfileClaim { get; set; } = "profile";

    /// <summary>
    /// The invocation attribute (payload <c>attributes</c> or an <c>X-Amzn-Bedrock-AgentCore-Runtime-Custom-*</c> header) that
    /// carries the caller's profile from the Amazon Connect bridge; trusted only when set. Default: none.
    /// </summary>
    public string? TrustedProfileAttribute { get; set; }
}
