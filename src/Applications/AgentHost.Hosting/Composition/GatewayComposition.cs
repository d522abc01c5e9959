using System.Collections;
using AgentHost.Gateway.Configuration;
using Microsoft.Extensions.Configuration;

namespace AgentHost.Hosting.Composition;

/// <summary>Gateways from configuration (section <c>Gateways</c>) and the environment (<c>AGENTCORE_GATEWAY_&lt;NAME&gt;_*</c>).</summary>
public static class GatewayComposition
{
    /// <summary>Counts the gateways configured in the environment (what <c>agentcore deploy</c> injects) and in configuration.</summary>
    public static int CountConfigured(IConfiguration configuration, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var probe = new GatewayToolOptions();
        GatewayEnvironment.Apply(probe, environment);
        return probe.Gateways.Count + configuration.GetSection("Gateways").GetChildren().Count();
    }

    /// <summary>Adds the gateways of the <c>Gateways</c> configuration section to the options.</summary>
    public static void ApplyConfiguration(GatewayToolOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var section in configuration.GetSection("Gateways").GetChildren())
        {
            var gateway = new GatewayOptions();
            section.Bind(gateway);
            if (string.IsNullOrWhiteSpace(gateway.Name))
            {
                gateway.Name = section.Key;
            }

            options.Gateways.Add(gateway);
        }
    }
}
