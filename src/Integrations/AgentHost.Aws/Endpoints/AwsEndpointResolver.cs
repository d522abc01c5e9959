namespace AgentHost.Aws.Endpoints;

/// <summary>
/// Resolves a service endpoint the way the AWS SDKs do: an explicit override, then
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> (the service id upper-cased, spaces and dashes as underscores,
/// e.g. <c>AWS_ENDPOINT_URL_BEDROCK_RUNTIME</c>), then <c>AWS_ENDPOINT_URL</c>, then the default
/// <c>https://{endpointPrefix}.{region}.amazonaws.com</c> (<c>.amazonaws.com.cn</c> in China regions).
/// </summary>
public static class AwsEndpointResolver
{
    /// <summary>Returns the environment variable name for a service id, e.g. <c>bedrock-runtime</c> -> <c>AWS_ENDPOINT_URL_BEDROCK_RUNTIME</c>.</summary>
    /// <param name="serviceId">The service id.</param>
    /// <returns>The variable name.</returns>
    public static string EnvironmentVariableFor(string serviceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        return "AWS_ENDPOINT_URL_" + serviceId.Trim().Replace(' ', '_').Replace('-', '_').ToUpperInvariant();
    }

    /// <summary>Resolves the endpoint.</summary>
    /// <param name="serviceId">The service id used for the environment variable, e.g. <c>bedrock-runtime</c>.</param>
    /// <param name="endpointPrefix">The host prefix of the default endpoint, e.g. <c>bedrock-runtime</c>.</param>
    /// <param name="region">The region.</param>
    /// <param name="explicitEndpoint">An explicit override (highest precedence), or <see langword="null"/>.</param>
    /// <param name="environment">Environment lookup; defaults to <see cref="AwsEnvironment.Process"/>.</param>
    /// <returns>The absolute endpoint URI.</returns>
    /// <exception cref="ArgumentException">An override is not an absolute http(s) URI.</exception>
    public static Uri Resolve(string serviceId, string endpointPrefix, string region, Uri? explicitEndpoint = null, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointPrefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        environment ??= AwsEnvironment.Process;

        if (explicitEndpoint is not null)
        {
            return Validate(explicitEndpoint.ToString(), "the explicit endpoint");
        }

        var serviceVariable = EnvironmentVariableFor(serviceId);
        if (environment(serviceVariable) is { } serviceOverride)
        {
            return Validate(serviceOverride, serviceVariable);
        }

        if (environment("AWS_ENDPOINT_URL") is { } globalOverride)
        {
            return Validate(globalOverride, "AWS_ENDPOINT_URL");
        }

        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return new Uri($"https://{endpointPrefix}.{region}.{suffix}");
    }

    private static Uri Validate(string value, string source)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        throw new ArgumentException($"The endpoint from {source} is not an absolute http(s) URL.");
    }
}
