namespace AgentHost.Connect.Text;

/// <summary>Masks a customer endpoint (a phone number, an address) so that only its last characters remain visible.</summary>
public static class EndpointMask
{
    /// <summary>Masks <paramref name="address"/>: <c>+447700900123</c> becomes <c>+*********123</c>. A leading <c>+</c> is kept.</summary>
    /// <param name="address">The endpoint address, or <see langword="null"/>.</param>
    /// <param name="visible">How many trailing characters stay visible (default 3).</param>
    /// <returns>The masked address, or <see langword="null"/> when there is none.</returns>
    public static string? Mask(string? address, int visible = 3)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var value = address.Trim();
        var prefix = value.StartsWith('+') ? "+" : string.Empty;
        var body = value[prefix.Length..];
        var shown = body.Length <= visible * 2 ? 0 : visible;
        return prefix + new string('*', body.Length - shown) + body[(body.Length - shown)..];
    }
}
