using AgentHost.AgentCore.Contracts;
using AgentHost.Aws.Endpoints;

namespace AgentHost.AgentCore.Client;

/// <summary>
/// Where an <see cref="AgentRuntimeClient"/> sends turns: a deployed AgentCore runtime (InvokeAgentRuntime, signed with
/// SigV4 for service <c>bedrock-agentcore</c>) or a host's own <c>/invocations</c> URL (a local host: not signed).
/// </summary>
public sealed class AgentRuntimeTarget
{
    /// <summary>The SigV4 signing name and the endpoint prefix of the AgentCore data plane.</summary>
    public const string ServiceName = "bedrock-agentcore";

    /// <summary>The qualifier (endpoint name) used when none is given.</summary>
    public const string DefaultQualifier = "DEFAULT";

    private AgentRuntimeTarget(Uri invocationsUri, string? runtimeArn, string? region, string? qualifier, string description)
    {
        InvocationsUri = invocationsUri;
        RuntimeArn = runtimeArn;
        Region = region;
        Qualifier = qualifier;
        Description = description;
    }

    /// <summary>The URL the turns are posted to.</summary>
    public Uri InvocationsUri { get; }

    /// <summary>The runtime ARN, or <see langword="null"/> for a URL target.</summary>
    public string? RuntimeArn { get; }

    /// <summary>The region of the SigV4 scope and the endpoint, or <see langword="null"/> for a URL target.</summary>
    public string? Region { get; }

    /// <summary>The qualifier (endpoint name), or <see langword="null"/> for a URL target.</summary>
    public string? Qualifier { get; }

    /// <summary>True for a runtime ARN (InvokeAgentRuntime, signed); false for a host URL.</summary>
    public bool IsRuntimeArn => RuntimeArn is not null;

    /// <summary>One line for people: what is called and how.</summary>
    public string Description { get; }

    /// <summary>
    /// A deployed runtime: <c>POST {endpoint}/runtimes/{url-encoded ARN}/invocations?qualifier={qualifier}</c>. The endpoint is
    /// <paramref name="endpoint"/>, else <c>AWS_ENDPOINT_URL_BEDROCK_AGENTCORE</c>, else <c>AWS_ENDPOINT_URL</c>, else
    /// <c>https://bedrock-agentcore.{region}.amazonaws.com</c>.
    /// </summary>
    /// <param name="runtimeArn">The runtime ARN, <c>arn:aws:bedrock-agentcore:REGION:ACCOUNT:runtime/ID</c>.</param>
    /// <param name="qualifier">The qualifier; default <see cref="DefaultQualifier"/>.</param>
    /// <param name="region">The region; default the ARN's.</param>
    /// <param name="endpoint">An endpoint override (VPC endpoint, local fake); default from the environment.</param>
    /// <param name="environment">Environment lookup; defaults to the process environment.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentException">The ARN is not an AgentCore runtime ARN, or an endpoint override is not an absolute http(s) URL.</exception>
    public static AgentRuntimeTarget ForRuntimeArn(string runtimeArn, string? qualifier = null, string? region = null, Uri? endpoint = null, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeArn);
        var parts = runtimeArn.Split(':', 6);
        if (parts.Length < 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[2] != ServiceName || parts[3].Length == 0
            || !parts[5].StartsWith("runtime/", StringComparison.Ordinal) || parts[5].Length == "runtime/".Length)
        {
            throw new ArgumentException($"'{runtimeArn}' is not an AgentCore runtime ARN (arn:aws:bedrock-agentcore:REGION:ACCOUNT:runtime/ID).", nameof(runtimeArn));
        }

        var resolvedRegion = string.IsNullOrWhiteSpace(region) ? parts[3] : region.Trim();
        var resolvedQualifier = string.IsNullOrWhiteSpace(qualifier) ? DefaultQualifier : qualifier.Trim();
        var baseUri = AwsEndpointResolver.Resolve(ServiceName, ServiceName, resolvedRegion, endpoint, environment);
        var uri = new Uri($"{baseUri.ToString().TrimEnd('/')}/runtimes/{Uri.EscapeDataString(runtimeArn)}{RuntimePaths.Invocations}?qualifier={Uri.EscapeDataString(resolvedQualifier)}");
        return new AgentRuntimeTarget(uri, runtimeArn, resolvedRegion, resolvedQualifier, $"AgentCore runtime {runtimeArn} via InvokeAgentRuntime ({resolvedRegion}, qualifier {resolvedQualifier})");
    }

    /// <summary>
    /// A host's own endpoint, e.g. <c>http://127.0.0.1:8080</c> (the path <c>/invocations</c> is appended unless the URL ends
    /// with it). Requests are not signed.
    /// </summary>
    /// <param name="url">An absolute http(s) URL.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentException">The URL is not an absolute http(s) URL.</exception>
    public static AgentRuntimeTarget ForUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{url}' is not an absolute http(s) URL.", nameof(url));
        }

        var path = url.AbsolutePath.TrimEnd('/');
        var uri = path.EndsWith(RuntimePaths.Invocations, StringComparison.Ordinal)
            ? url
            : new UriBuilder(url) { Path = path + RuntimePaths.Invocations }.Uri;
        return new AgentRuntimeTarget(uri, runtimeArn: null, region: null, qualifier: null, $"host {uri.GetLeftPart(UriPartial.Path)}");
    }

    /// <summary>Parses a runtime ARN (starts with <c>arn:</c>) or an http(s) URL.</summary>
    /// <param name="target">The ARN or URL.</param>
    /// <param name="region">For an ARN: the region; default the ARN's.</param>
    /// <param name="qualifier">For an ARN: the qualifier; default <see cref="DefaultQualifier"/>.</param>
    /// <param name="environment">Environment lookup (endpoint overrides); defaults to the process environment.</param>
    /// <returns>The target.</returns>
    /// <exception cref="ArgumentException">The value is neither an AgentCore runtime ARN nor an absolute http(s) URL.</exception>
    public static AgentRuntimeTarget Parse(string target, string? region = null, string? qualifier = null, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        if (target.StartsWith("arn:", StringComparison.Ordinal))
        {
            return ForRuntimeArn(target, qualifier, region, endpoint: null, environment);
        }

        return Uri.TryCreate(target, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? ForUrl(uri)
            : throw new ArgumentException($"'{target}' is neither an http(s) URL nor an AgentCore runtime ARN (arn:aws:bedrock-agentcore:REGION:ACCOUNT:runtime/ID).", nameof(target));
    }

    /// <inheritdoc />
    public override string ToString() => Description;
}
