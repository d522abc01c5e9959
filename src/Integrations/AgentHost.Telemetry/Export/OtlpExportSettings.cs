namespace AgentHost.Telemetry.Export;

/// <summary>
/// Whether and what to export over OTLP, from the standard <c>OTEL_*</c> environment variables: a signal is exported when an
/// endpoint is set for it (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>OTEL_EXPORTER_OTLP_{TRACES,METRICS,LOGS}_ENDPOINT</c>) and
/// its exporter variable (<c>OTEL_TRACES_EXPORTER</c>, <c>OTEL_METRICS_EXPORTER</c>, <c>OTEL_LOGS_EXPORTER</c>) is unset or names
/// <c>otlp</c>; nothing is exported when <c>OTEL_SDK_DISABLED=true</c>.
/// </summary>
public sealed class OtlpExportSettings
{
    /// <summary>The protocol used when no <c>OTEL_EXPORTER_OTLP_*PROTOCOL</c> variable is set: <c>http/protobuf</c>, as the OpenTelemetry specification and the CloudWatch OTLP endpoints expect (the .NET exporter alone would default to gRPC).</summary>
    public const string DefaultProtocol = "http/protobuf";

    private OtlpExportSettings(bool traces, bool metrics, bool logs, IReadOnlyDictionary<string, string?> variables, bool hasServiceName)
    {
        Traces = traces;
        Metrics = metrics;
        Logs = logs;
        Variables = variables;
        HasServiceName = hasServiceName;
    }

    /// <summary>Spans are exported.</summary>
    public bool Traces { get; }

    /// <summary>Metrics are exported.</summary>
    public bool Metrics { get; }

    /// <summary>Logs are exported.</summary>
    public bool Logs { get; }

    /// <summary>Anything is exported.</summary>
    public bool Enabled => Traces || Metrics || Logs;

    /// <summary>The <c>OTEL_*</c> variables as configuration keys for the OpenTelemetry SDK, with the protocol default added.</summary>
    public IReadOnlyDictionary<string, string?> Variables { get; }

    /// <summary>The service name is set (<c>OTEL_SERVICE_NAME</c>, or <c>service.name</c> in <c>OTEL_RESOURCE_ATTRIBUTES</c>).</summary>
    public bool HasServiceName { get; }

    /// <summary>
    /// The URL a signal's exporter sends to: <c>OTEL_EXPORTER_OTLP_{SIGNAL}_ENDPOINT</c> as given, else the base
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> with <c>/v1/{signal}</c> appended (as the SDK does for http/protobuf); null when neither is set.
    /// </summary>
    /// <param name="signal"><c>traces</c>, <c>metrics</c> or <c>logs</c>.</param>
    public Uri? EndpointOf(string signal)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(signal);
        string? Get(string name) => Variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        if (Get($"OTEL_EXPORTER_OTLP_{signal.ToUpperInvariant()}_ENDPOINT") is { } specific)
        {
            return Uri.TryCreate(specific, UriKind.Absolute, out var uri) ? uri : null;
        }

        return Get("OTEL_EXPORTER_OTLP_ENDPOINT") is { } root && Uri.TryCreate(root.TrimEnd('/') + "/v1/" + signal, UriKind.Absolute, out var combined) ? combined : null;
    }

    /// <summary>Reads the settings.</summary>
    /// <param name="environment">The environment variables. Default: the process environment.</param>
    public static OtlpExportSettings FromEnvironment(IReadOnlyDictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (environment is null)
        {
            foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                if (entry.Key is string key && key.StartsWith("OTEL_", StringComparison.Ordinal))
                {
                    variables[key] = entry.Value as string;
                }
            }
        }
        else
        {
            foreach (var (key, value) in environment)
            {
                if (key.StartsWith("OTEL_", StringComparison.Ordinal))
                {
                    variables[key] = value;
                }
            }
        }

        string? Get(string name) => variables.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        if (string.Equals(Get("OTEL_SDK_DISABLED"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return new OtlpExportSettings(false, false, false, variables, false);
        }

        bool Signal(string signal)
        {
            var endpoint = Get($"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT") ?? Get("OTEL_EXPORTER_OTLP_ENDPOINT");
            var exporter = Get($"OTEL_{signal}_EXPORTER");
            return endpoint is not null && (exporter is null || exporter.Split(',').Any(e => string.Equals(e.Trim(), "otlp", StringComparison.OrdinalIgnoreCase)));
        }

        if (Get("OTEL_EXPORTER_OTLP_PROTOCOL") is null)
        {
            variables["OTEL_EXPORTER_OTLP_PROTOCOL"] = DefaultProtocol;
        }

        var hasServiceName = Get("OTEL_SERVICE_NAME") is not null ||
            (Get("OTEL_RESOURCE_ATTRIBUTES") ?? string.Empty).Split(',').Any(a => a.Trim().StartsWith("service.name=", StringComparison.Ordinal));
        return new OtlpExportSettings(Signal("TRACES"), Signal("METRICS"), Signal("LOGS"), variables, hasServiceName);
    }
}
