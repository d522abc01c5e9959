using AgentHost.Aws.Endpoints;

namespace AgentHost.Bedrock;

/// <summary>
/// Settings of <see cref="BedrockChatClient"/>. Every property has a documented default and, where
/// noted, an environment variable fallback applied by <see cref="FromEnvironment"/>.
/// </summary>
public sealed class BedrockChatClientOptions
{
    /// <summary>The environment variable for the model id (preferred).</summary>
    public const string ModelIdVariable = "AGENTHOST_BEDROCK_MODEL_ID";

    /// <summary>The secondary environment variable for the model id.</summary>
    public const string LegacyModelIdVariable = "BEDROCK_MODEL_ID";

    /// <summary>
    /// The environment variable that chooses the prompt-cache points: <c>true</c>/<c>1</c> (after the system prompt and after the
    /// tools), or a comma-separated list of <c>system</c>, <c>tools</c>, <c>history</c>; <c>false</c>/<c>none</c> for none.
    /// </summary>
    public const string PromptCachingVariable = "AGENTHOST_BEDROCK_PROMPT_CACHING";

    /// <summary>The environment variable of <see cref="GuardrailIdentifier"/>.</summary>
    public const string GuardrailIdVariable = "AGENTHOST_BEDROCK_GUARDRAIL_ID";

    /// <summary>The environment variable of <see cref="GuardrailVersion"/>.</summary>
    public const string GuardrailVersionVariable = "AGENTHOST_BEDROCK_GUARDRAIL_VERSION";

    /// <summary>The environment variable of <see cref="GuardrailTrace"/>.</summary>
    public const string GuardrailTraceVariable = "AGENTHOST_BEDROCK_GUARDRAIL_TRACE";

    /// <summary>The environment variable of <see cref="GuardrailStreamProcessingMode"/>.</summary>
    public const string GuardrailStreamModeVariable = "AGENTHOST_BEDROCK_GUARDRAIL_STREAM_MODE";

    /// <summary>The service id used for <c>AWS_ENDPOINT_URL_BEDROCK_RUNTIME</c> and the default host name.</summary>
    public const string ServiceId = "bedrock-runtime";

    /// <summary>The SigV4 signing name of Bedrock Runtime.</summary>
    public const string SigningName = "bedrock";

    /// <summary>
    /// The model id, an inference profile id (e.g. <c>us.anthropic.claude-sonnet-4-20250514-v1:0</c>) or an ARN.
    /// Default: none (required). Env: <c>AGENTHOST_BEDROCK_MODEL_ID</c>, then <c>BEDROCK_MODEL_ID</c>.
    /// <see cref="Microsoft.Extensions.AI.ChatOptions.ModelId"/> overrides it per call.
    /// </summary>
    public string? ModelId { get; set; }

    /// <summary>The region. Default: <c>AWS_REGION</c>, then <c>AWS_DEFAULT_REGION</c>, then the profile's region.</summary>
    public string? Region { get; set; }

    /// <summary>The shared-config profile for credentials and region. Default: <c>AWS_PROFILE</c>, else the default chain.</summary>
    public string? Profile { get; set; }

    /// <summary>
    /// An endpoint override (e.g. a VPC endpoint or a local fake). Default: <c>AWS_ENDPOINT_URL_BEDROCK_RUNTIME</c>,
    /// then <c>AWS_ENDPOINT_URL</c>, then <c>https://bedrock-runtime.{region}.amazonaws.com</c>.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Retries after the first attempt for throttling, 5xx and connection failures. Default 3; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The base of the exponential backoff (full jitter). Default 500 ms.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The cap of one backoff delay. Default 10 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>No retry starts after this much time has passed since the first attempt. Default 30 s. The caller's cancellation token always wins.</summary>
    public TimeSpan MaxRetryDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Add a prompt-cache point after the system prompt. Default <see langword="false"/>; env <c>AGENTHOST_BEDROCK_PROMPT_CACHING</c>.</summary>
    public bool CachePointAfterSystem { get; set; }

    /// <summary>Add a prompt-cache point after the tool list. Default <see langword="false"/>; env <c>AGENTHOST_BEDROCK_PROMPT_CACHING</c>.</summary>
    public bool CachePointAfterTools { get; set; }

    /// <summary>
    /// Add a prompt-cache point after the conversation history (before the latest user input), so that a long conversation
    /// is read from the cache on the next turn. Default <see langword="false"/>; env <c>AGENTHOST_BEDROCK_PROMPT_CACHING=history</c>.
    /// </summary>
    public bool CachePointAfterHistory { get; set; }

    /// <summary>
    /// A Bedrock guardrail to apply to every call (<c>guardrailConfig</c>): its id or ARN. Default: none. When it intervenes, the
    /// turn ends with stop reason <c>contentFiltered</c> and the guardrail's trace is in the response's
    /// <see cref="Mapping.BedrockResponseMapper.TraceKey"/> property. Env <c>AGENTHOST_BEDROCK_GUARDRAIL_ID</c>.
    /// </summary>
    public string? GuardrailIdentifier { get; set; }

    /// <summary>The guardrail's version (a number or <c>DRAFT</c>). Default <c>DRAFT</c>. Env <c>AGENTHOST_BEDROCK_GUARDRAIL_VERSION</c>.</summary>
    public string GuardrailVersion { get; set; } = "DRAFT";

    /// <summary>
    /// The guardrail trace: <c>enabled</c>, <c>enabled_full</c> or <c>disabled</c>. Default <c>enabled</c> (an intervention is
    /// then recorded with its reasons). Env <c>AGENTHOST_BEDROCK_GUARDRAIL_TRACE</c>.
    /// </summary>
    public string GuardrailTrace { get; set; } = "enabled";

    /// <summary>
    /// How a guardrail processes a stream (ConverseStream only): <c>sync</c> (each chunk is assessed before it is sent) or
    /// <c>async</c> (chunks are sent at once, assessed in the background). Default: Bedrock's (<c>sync</c>). Env <c>AGENTHOST_BEDROCK_GUARDRAIL_STREAM_MODE</c>.
    /// </summary>
    public string? GuardrailStreamProcessingMode { get; set; }

    /// <summary><c>maxTokens</c> when the call's options set none. Default <see langword="null"/> (the model's default).</summary>
    public int? DefaultMaxOutputTokens { get; set; }

    /// <summary>Creates options from the environment (see each property for its variable).</summary>
    /// <param name="environment">Environment lookup; defaults to the process environment.</param>
    /// <returns>New options.</returns>
    public static BedrockChatClientOptions FromEnvironment(Func<string, string?>? environment = null)
        => new BedrockChatClientOptions().WithEnvironmentDefaults(environment);

    /// <summary>
    /// Fills unset properties from the environment and returns this instance: the model id, the profile, the cache points when
    /// none is set, and the guardrail (id, version, trace, stream mode together) when no guardrail is set.
    /// </summary>
    /// <param name="environment">Environment lookup; defaults to the process environment.</param>
    /// <returns>This instance.</returns>
    public BedrockChatClientOptions WithEnvironmentDefaults(Func<string, string?>? environment = null)
    {
        environment ??= AwsEnvironment.Process;
        ModelId ??= environment(ModelIdVariable) ?? environment(LegacyModelIdVariable);
        Profile ??= environment("AWS_PROFILE");
        // Cache points and the guardrail are filled from the environment only when nothing set them (they come as a group).
        if (!CachePointAfterSystem && !CachePointAfterTools && !CachePointAfterHistory && environment(PromptCachingVariable) is { Length: > 0 } caching)
        {
            SetCachePoints(caching);
        }

        if (GuardrailIdentifier is null && environment(GuardrailIdVariable) is { Length: > 0 } id)
        {
            GuardrailIdentifier = id.Trim();
            if (environment(GuardrailVersionVariable) is { Length: > 0 } version)
            {
                GuardrailVersion = version.Trim();
            }

            if (environment(GuardrailTraceVariable) is { Length: > 0 } trace)
            {
                GuardrailTrace = trace.Trim().ToLowerInvariant();
            }

            if (environment(GuardrailStreamModeVariable) is { Length: > 0 } mode)
            {
                GuardrailStreamProcessingMode = mode.Trim().ToLowerInvariant();
            }
        }

        return this;
    }

    /// <summary>
    /// Checks the guardrail and cache settings.
    /// </summary>
    /// <exception cref="ArgumentException">A value is not one Bedrock accepts; the message names the setting and the allowed values.</exception>
    public void Validate()
    {
        if (GuardrailTrace is not ("enabled" or "enabled_full" or "disabled"))
        {
            throw new ArgumentException($"The Bedrock guardrail trace is '{GuardrailTrace}'; it must be enabled, enabled_full or disabled ({GuardrailTraceVariable}).");
        }

        if (GuardrailStreamProcessingMode is not (null or "sync" or "async"))
        {
            throw new ArgumentException($"The Bedrock guardrail stream processing mode is '{GuardrailStreamProcessingMode}'; it must be sync or async ({GuardrailStreamModeVariable}).");
        }

        if (!string.IsNullOrWhiteSpace(GuardrailIdentifier) && string.IsNullOrWhiteSpace(GuardrailVersion))
        {
            throw new ArgumentException($"A Bedrock guardrail needs a version (a number or DRAFT; {GuardrailVersionVariable}).");
        }
    }

    /// <summary>
    /// Sets the three cache points from a setting: <c>true</c>/<c>1</c> (system and tools), <c>false</c>/<c>0</c>/<c>none</c>,
    /// or a comma-separated list of <c>system</c>, <c>tools</c>, <c>history</c>.
    /// </summary>
    /// <exception cref="ArgumentException">An unknown cache point.</exception>
    public void SetCachePoints(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        CachePointAfterSystem = CachePointAfterTools = CachePointAfterHistory = false;
        var trimmed = value.Trim();
        if (trimmed == "1" || trimmed.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            CachePointAfterSystem = true;
            CachePointAfterTools = true;
            return;
        }

        if (trimmed == "0" || trimmed.Equals("false", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (var part in trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (part.ToLowerInvariant())
            {
                case "system":
                    CachePointAfterSystem = true;
                    break;
                case "tools":
                    CachePointAfterTools = true;
                    break;
                case "history":
                    CachePointAfterHistory = true;
                    break;
                default:
                    throw new ArgumentException($"{PromptCachingVariable} is '{value}'; use true, false, or a comma-separated list of system, tools, history.");
            }
        }
    }

    /// <summary>Resolves the region (explicit, env, profile).</summary>
    /// <param name="environment">Environment lookup; defaults to the process environment.</param>
    /// <returns>The region, or <see langword="null"/> when none is configured.</returns>
    public string? ResolveRegion(Func<string, string?>? environment = null)
        => AwsRegionResolver.Resolve(Region, Profile, environment);

    /// <summary>Resolves the endpoint (explicit, <c>AWS_ENDPOINT_URL_BEDROCK_RUNTIME</c>, <c>AWS_ENDPOINT_URL</c>, regional default).</summary>
    /// <param name="region">The resolved region.</param>
    /// <param name="environment">Environment lookup; defaults to the process environment.</param>
    /// <returns>The endpoint.</returns>
    public Uri ResolveEndpoint(string region, Func<string, string?>? environment = null)
        => AwsEndpointResolver.Resolve(ServiceId, ServiceId, region, Endpoint, environment);
}
