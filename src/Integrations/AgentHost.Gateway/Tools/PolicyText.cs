namespace AgentHost.Gateway.Tools;

/// <summary>Recognises the wording of gateway authorization (Cedar policy) denials in error messages.</summary>
internal static class PolicyText
{
    private static readonly string[] Markers =
    [
        "policy", "not authorized", "unauthorized", "access denied", "accessdenied", "forbidden", "permission denied", "denied by",
    ];

    public static bool IsDenial(string? message) =>
        message is not null && Markers.Any(m => message.Contains(m, StringComparison.OrdinalIgnoreCase));
}
