using AgentHost.Aws.Credentials;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AgentHost.Bedrock;

/// <summary>
/// Decides whether Bedrock is configured and creates the client. The composition layer calls
/// <see cref="IsConfigured"/> to choose Bedrock over the offline model, then <see cref="CreateChatClient"/>.
/// </summary>
public static class BedrockConfiguration
{
    /// <summary>
    /// Returns whether a model id is set (options or <c>AGENTHOST_BEDROCK_MODEL_ID</c>/<c>BEDROCK_MODEL_ID</c>)
    /// AND a credential source is configured (environment keys, container role, web identity, or a profile),
    /// without any network call. A region is not required here: a missing one fails at creation with a clear message.
    /// </summary>
    /// <param name="options">Options to check (environment defaults are applied to a copy); <see langword="null"/> reads only the environment.</param>
    /// <param name="environment">Environment lookup; defaults to the process environment.</param>
    /// <param name="profileHasCredentials">Profile check; defaults to the shared config files.</param>
    /// <returns><see langword="true"/> when Bedrock can be used.</returns>
    public static bool IsConfigured(BedrockChatClientOptions? options = null, Func<string, string?>? environment = null, Func<string, bool>? profileHasCredentials = null)
    {
        var effective = new BedrockChatClientOptions { ModelId = options?.ModelId, Profile = options?.Profile }.WithEnvironmentDefaults(environment);
        return !string.IsNullOrWhiteSpace(effective.ModelId)
            && AwsCredentialSources.IsConfigured(effective.Profile, environment, profileHasCredentials);
    }

    /// <summary>
    /// Creates a <see cref="BedrockChatClient"/> with the standard credential chain (or the configured profile),
    /// environment defaults applied to <paramref name="options"/>; region and endpoint are resolved from
    /// <paramref name="environment"/> when the options leave them unset.
    /// </summary>
    /// <param name="options">Options; <see langword="null"/> reads everything from the environment.</param>
    /// <param name="loggerFactory">Logging; optional.</param>
    /// <param name="environment">Environment lookup; defaults to the process environment.</param>
    /// <returns>The client (dispose it with the host).</returns>
    /// <exception cref="InvalidOperationException">No region is configured.</exception>
    public static IChatClient CreateChatClient(BedrockChatClientOptions? options = null, ILoggerFactory? loggerFactory = null, Func<string, string?>? environment = null)
    {
        options = (options ?? new BedrockChatClientOptions()).WithEnvironmentDefaults(environment);
        var region = options.ResolveRegion(environment)
            ?? throw new InvalidOperationException("No AWS region is configured for Bedrock: set AWS_REGION, AWS_DEFAULT_REGION or a region in the AWS profile.");
        options.Region = region;
        options.Endpoint = options.ResolveEndpoint(region, environment);
        return new BedrockChatClient(options, new DefaultAwsCredentialsProvider(options.Profile), logger: loggerFactory?.CreateLogger<BedrockChatClient>());
    }
}
