using AgentHost.Hosting.Composition;
using AgentHost.Telemetry.Export;
using AgentHost.Telemetry.Redaction;
using Microsoft.Extensions.Hosting;

namespace AgentHost.Hosting.Startup;

/// <summary>The telemetry of every AgentHost application (server and CLI), configured in one place.</summary>
public static class AgentHostTelemetrySetup
{
    /// <summary>
    /// Redacts every log entry (always), and when an OTLP endpoint is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or a
    /// signal-specific one) exports traces, metrics and logs over OTLP and adds M.E.AI's OpenTelemetry chat client as the
    /// outermost model middleware (the <c>chat</c> spans and <c>gen_ai.client.*</c> metrics). Call right after
    /// <c>AddAgentHost</c>, before other model middleware, so that the <c>chat</c> span encloses them.
    /// </summary>
    /// <param name="builder">The application builder.</param>
    /// <param name="agent">The agent composition.</param>
    /// <param name="environment">The environment variables. Default: the process environment.</param>
    /// <returns>Whether OTLP export is enabled.</returns>
    public static bool Configure(IHostApplicationBuilder builder, AgentHostBuilder agent, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(agent);
        builder.Services.AddAgentHostLogRedaction();
        if (!builder.AddAgentHostTelemetry(OtlpExportSettings.FromEnvironment(environment), agent.Settings.Agent.Name))
        {
            return false;
        }

        agent.WithModelTelemetry();
        return true;
    }
}
