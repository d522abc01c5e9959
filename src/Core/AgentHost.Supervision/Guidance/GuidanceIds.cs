using System.Security.Cryptography;

namespace AgentHost.Supervision.Guidance;

/// <summary>Guidance ids: <c>gd_</c> and 32 random hexadecimal characters.</summary>
public static class GuidanceIds
{
    /// <summary>A new id.</summary>
    public static string New() => "gd_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
