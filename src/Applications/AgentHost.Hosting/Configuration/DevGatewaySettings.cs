using System.ComponentModel.DataAnnotations;

namespace AgentHost.Hosting.Configuration;

/// <summary>The local development gateway (section <c>DevGateway</c>).</summary>
public sealed class DevGatewaySettings
{
    /// <summary>
    /// <c>auto</c> (started in-process by the CLI when no gateway is configured; never by the server), <c>true</c> (always,
    /// also in the server) or <c>false</c>. Default: <c>auto</c>.
    /// </summary>
    [AllowedValues("auto", "true", "false")]
    [Setting(Aliases = ["AGENTHOST_DEVGATEWAY"])]
    public string Enabled { get; set; } = "auto";

    /// <summary>Port on 127.0.0.1, 0 to 65535; 0 picks a free one. Default: 0.</summary>
    [Range(0, 65_535)]
    [Setting(Aliases = ["AGENTHOST_DEVGATEWAY_PORT"])]
    public int Port { get; set; }

    /// <summary>A bearer token the development gateway requires (secret: redacted, never logged). Default: none.</summary>
    [Setting(Aliases = ["AGENTHOST_DEVGATEWAY_TOKEN"], Secret = true)]
    public string? Token { get; set; }
}
