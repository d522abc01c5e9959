using System.Diagnostics;
using System.Reflection;
using AgentHost.Abstractions.Tools;
using AgentHost.Aws.Credentials;
using AgentHost.Core.Diagnostics;
using AgentHost.Telemetry.Metrics;
using AgentHost.Telemetry.Propagation;
using AgentHost.Telemetry.Redaction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AgentHost.Telemetry.Export;

/// <summary>Enables OpenTelemetry export over OTLP for an AgentHost application.</summary>
public static class AgentHostTelemetryExtensions
{
    /// <summary>The ActivitySource and Meter name of the MCP C# SDK (client spans <c>tools/call …</c>, <c>mcp.client.*</c> metrics).</summary>
    public const string McpSourceName = "Experimental.ModelContextProtocol";

    /// <summary>
    /// When <paramref name="settings"/> export anything: the OpenTelemetry SDK with the OTLP exporter for the enabled signals,
    /// configured by the standard <c>OTEL_*</c> variables (endpoint, protocol, headers, timeout, sampler, batch, resource);
    /// spans of AgentHost (<c>invoke_agent</c>, <c>execute_tool</c>, <c>store.*</c>), of M.E.AI (<c>chat</c>), of the MCP SDK,
    /// of ASP.NET Core (the inbound request) and of HttpClient (outgoing requests); the matching metrics and the
    /// <c>agenthost.approvals.pending</c> gauge; logs; the service name <paramref name="defaultServiceName"/> unless
    /// <c>OTEL_SERVICE_NAME</c> or <c>OTEL_RESOURCE_ATTRIBUTES</c> names one; trace context read from and written to
    /// <c>traceparent</c>, <c>X-Amzn-Trace-Id</c> and <c>baggage</c> (<see cref="AgentHostPropagator"/>); string attributes and
    /// status descriptions redacted (<see cref="AgentHostDataClasses.UserData"/>). Otherwise nothing: no SDK object, no listener.
    /// </summary>
    /// <returns>Whether export is enabled.</returns>
    public static bool AddAgentHostTelemetry(this IHostApplicationBuilder builder, OtlpExportSettings settings, string defaultServiceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultServiceName);
        if (!settings.Enabled)
        {
            return false;
        }

        // The SDK reads its OTEL_* settings from IConfiguration; the host's configuration holds only its own keys.
        builder.Configuration.AddInMemoryCollection(settings.Variables);
        builder.Services.AddAgentHostLogRedaction();

        // ASP.NET Core (.NET 10) puts the HTTP semantic-convention attributes (url.path, http.route, status code) on its
        // request span itself once this switch is off; no instrumentation package needed.
        AppContext.SetSwitch("Microsoft.AspNetCore.Hosting.SuppressActivityOpenTelemetryData", false);
        DistributedContextPropagator.Current = AgentHostPropagator.Instance;
        builder.Services.Replace(ServiceDescriptor.Singleton<DistributedContextPropagator>(AgentHostPropagator.Instance));

        var version = typeof(AgentHostTelemetryExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(resource =>
        {
            if (!settings.HasServiceName)
            {
                resource.AddService(defaultServiceName, serviceVersion: version);
            }
        });

        if (settings.Traces)
        {
            otel.WithTracing(tracing => tracing
                .AddSource(AgentHostTelemetry.SourceName, AgentHostTelemetry.ModelSourceName, McpSourceName, "Microsoft.AspNetCore", "System.Net.Http")
                .AddProcessor(sp => new RedactingSpanProcessor(AgentHostRedactionExtensions.UserDataRedactor(sp)))
                .AddOtlpExporter(o => SignForCloudWatch(o, settings.EndpointOf("traces"))));
        }

        if (settings.Metrics)
        {
            otel.WithMetrics(metrics => metrics
                .AddMeter(AgentHostTelemetry.MeterName, AgentHostTelemetry.ModelSourceName, McpSourceName, "Microsoft.AspNetCore.Hosting")
                .AddInstrumentation(sp => new PendingApprovalsGauge(sp.GetServices<IPendingApprovalsSource>()))
                .AddOtlpExporter(o => SignForCloudWatch(o, settings.EndpointOf("metrics"))));
        }

        if (settings.Logs)
        {
            otel.WithLogging(logging => logging.AddOtlpExporter(o => SignForCloudWatch(o, settings.EndpointOf("logs"))), options => options.IncludeFormattedMessage = true);
        }

        return true;
    }

    /// <summary>A CloudWatch OTLP endpoint gets SigV4-signed requests (over http/protobuf, the only protocol it takes).</summary>
    private static void SignForCloudWatch(OtlpExporterOptions options, Uri? endpoint)
    {
        if (CloudWatchOtlpEndpoint.Match(endpoint) is not { } aws)
        {
            return;
        }

        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        var credentials = new DefaultAwsCredentialsProvider();
        options.HttpClientFactory = () => CloudWatchOtlpEndpoint.CreateSigningClient(aws.Service, aws.Region, credentials);
    }
}
