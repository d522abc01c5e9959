namespace AgentHost.Hosting.Configuration;

/// <summary>The local development gateway (section <c>DevGateway</c>).</summary>
public sealed class DevGatewaySettings
{
    /// <summary>
    /// <c>auto</c> (started in-process by the CLI when no gateway is configured; never by the server), <c>true</c> (always,
    /// also in the server) or <c>false</c>. Default: <c>auto</c>.
    /// </summary>
    public string Enabled { get; set; } = "auto";

    /// <summary>Port on 127.0.0.1; 0 picks a free one. Default: 0.</summary>
    public int Port { get; set; }

    /// <summary>A bearer token the development gateway requires (secret). Default: none.</summary>
    public string? Token { get; set; }
}
