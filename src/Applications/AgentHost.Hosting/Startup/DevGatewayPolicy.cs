using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace AgentHost.Hosting.Startup;

/// <summary>Whether an application starts the local development gateway (setting <c>DevGateway:Enabled</c>, <c>AGENTHOST_DEVGATEWAY</c>).</summary>
public static class DevGatewayPolicy
{
    /// <summary>
    /// <c>true</c>: always; <c>false</c>: never; <c>auto</c> (default): the CLI starts it when no gateway is configured (so a fresh
    /// clone has tools), the server never (a deployed runtime must not serve sample tools by accident).
    /// </summary>
    public static bool ShouldStart(AgentHostSettings settings, IConfiguration configuration, AgentHostKind kind, System.Collections.IDictionary? environment = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(configuration);
        var enabled = settings.DevGateway.Enabled;
        if (string.Equals(enabled, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!string.Equals(enabled, "auto", StringComparison.OrdinalIgnoreCase) || kind != AgentHostKind.Cli)
        {
            return false;
        }

        return GatewayComposition.CountConfigured(configuration, environment ?? Environment.GetEnvironmentVariables()) == 0;
    }
}
