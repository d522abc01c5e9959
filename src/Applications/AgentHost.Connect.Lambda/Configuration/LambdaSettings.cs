namespace AgentHost.Connect.Lambda.Configuration;

/// <summary>
/// The Lambda's settings from its environment: the Runtime API address (set by Lambda), the agent runtime to call
/// (<c>AGENTHOST_RUNTIME_ARN</c>, <c>AGENTHOST_RUNTIME_QUALIFIER</c>), the region and endpoint override, and the log level.
/// Credentials are read by the client from <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c> and <c>AWS_SESSION_TOKEN</c>.
/// </summary>
internal sealed class LambdaSettings
{
    public required string RuntimeApi { get; init; }

    public required string RuntimeArn { get; init; }

    public required string Qualifier { get; init; }

    public required string Region { get; init; }

    public string? Endpoint { get; init; }

    public required string LogLevel { get; init; }

    /// <summary>Reads and validates the settings.</summary>
    /// <param name="environment">Variable lookup.</param>
    /// <param name="problems">Every problem found (names the variable).</param>
    /// <returns>The settings, or <see langword="null"/> when <paramref name="problems"/> is not empty.</returns>
    public static LambdaSettings? Read(Func<string, string?> environment, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        string? Get(string name) => environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var runtimeApi = Get("AWS_LAMBDA_RUNTIME_API");
        if (runtimeApi is null)
        {
            found.Add("AWS_LAMBDA_RUNTIME_API is not set: this program runs as a Lambda custom runtime (provided.al2023).");
        }

        var arn = Get("AGENTHOST_RUNTIME_ARN");
        var parts = arn?.Split(':');
        if (arn is null)
        {
            found.Add("AGENTHOST_RUNTIME_ARN is not set: give the AgentCore runtime ARN (arn:aws:bedrock-agentcore:REGION:ACCOUNT:runtime/ID).");
        }
        else if (parts!.Length < 6 || parts[0] != "arn" || parts[2] != "bedrock-agentcore" || !parts[5].StartsWith("runtime/", StringComparison.Ordinal) || parts[3].Length == 0)
        {
            found.Add($"AGENTHOST_RUNTIME_ARN '{arn}' is not an AgentCore runtime ARN (arn:aws:bedrock-agentcore:REGION:ACCOUNT:runtime/ID).");
        }

        var region = Get("AWS_REGION") ?? Get("AWS_DEFAULT_REGION") ?? (parts is { Length: >= 6 } ? parts[3] : null);
        if (region is null)
        {
            found.Add("No region: set AWS_REGION (Lambda sets it).");
        }

        var endpoint = Get("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE") ?? Get("AWS_ENDPOINT_URL");
        if (endpoint is not null && !(Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)))
        {
            found.Add($"AWS_ENDPOINT_URL_BEDROCK_AGENTCORE '{endpoint}' is not an http(s) URL.");
        }

        problems = found;
        return found.Count > 0
            ? null
            : new LambdaSettings
            {
                RuntimeApi = runtimeApi!,
                RuntimeArn = arn!,
                Qualifier = Get("AGENTHOST_RUNTIME_QUALIFIER") ?? "DEFAULT",
                Region = region!,
                Endpoint = endpoint,
                LogLevel = Get("AGENTHOST_LOG_LEVEL") ?? "Information",
            };
    }
}
