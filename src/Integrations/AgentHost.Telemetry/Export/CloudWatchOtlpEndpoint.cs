using System.Text.RegularExpressions;
using AgentHost.Aws.Credentials;
using AgentHost.Aws.Signing;

namespace AgentHost.Telemetry.Export;

/// <summary>
/// The CloudWatch OTLP endpoints, which authenticate with SigV4: <c>https://xray.{region}.amazonaws.com/v1/traces</c> (signing
/// name <c>xray</c>), <c>https://logs.{region}.amazonaws.com/v1/logs</c> (<c>logs</c>) and
/// <c>https://monitoring.{region}.amazonaws.com/v1/metrics</c> (<c>monitoring</c>). When a signal's OTLP endpoint is one of
/// them, its exporter signs each request with the standard AWS credential chain (the runtime's execution role on AgentCore),
/// so no collector is needed.
/// </summary>
public static partial class CloudWatchOtlpEndpoint
{
    /// <summary>Returns the SigV4 signing name and region of a CloudWatch OTLP endpoint, or null for any other endpoint.</summary>
    public static (string Service, string Region)? Match(Uri? endpoint)
    {
        if (endpoint is null || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var match = HostPattern().Match(endpoint.Host);
        return match.Success ? (match.Groups["service"].Value, match.Groups["region"].Value) : null;
    }

    /// <summary>The exporter's HttpClient: every request signed for <paramref name="service"/> in <paramref name="region"/>.</summary>
    public static HttpClient CreateSigningClient(string service, string region, IAwsCredentialsProvider credentials, HttpMessageHandler? innerHandler = null) =>
        new(new SigV4SigningHandler(service, region, credentials, innerHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }))
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

    [GeneratedRegex(@"^(?<service>xray|logs|monitoring)\.(?<region>[a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$", RegexOptions.IgnoreCase)]
    private static partial Regex HostPattern();
}
