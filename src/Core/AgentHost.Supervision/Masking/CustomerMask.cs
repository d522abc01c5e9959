namespace AgentHost.Supervision.Masking;

/// <summary>Masks a customer reference for lists and escalation packages: <c>cust-0042</c> becomes <c>cu…42</c>.</summary>
public static class CustomerMask
{
    /// <summary>Masks <paramref name="reference"/>; null or blank gives null; 4 characters or fewer give <c>***</c>.</summary>
    public static string? Mask(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }

        var value = reference.Trim();
        return value.Length <= 4 ? "***" : string.Concat(value.AsSpan(0, 2), "…", value.AsSpan(value.Length - 2));
    }
}
