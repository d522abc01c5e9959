namespace AgentHost.Hosting.Configuration;

/// <summary>The configuration keys the host understands; anything else under its sections is reported as unknown.</summary>
internal static class KnownConfigurationKeys
{
    /// <summary>Exact keys (case-insensitive).</summary>
    public static readonly HashSet<string> Exact = new(StringComparer.OrdinalIgnoreCase)
    {
        "Agent:Name", "Agent:Instructions", "Agent:InstructionsFile",
        "Agent:Model:ModelId", "Agent:Model:Temperature", "Agent:Model:TopP", "Agent:Model:MaxOutputTokens", "Agent:Model:StopSequences",
        "Agent:Limits:MaxCycles", "Agent:Limits:MaxTokens", "Agent:Limits:TurnTimeoutSeconds", "Agent:Limits:ToolTimeoutSeconds",
        "Agent:Limits:MaxConcurrentToolCalls",
        "Agent:Window:MaxMessages", "Agent:Window:MaxApproxTokens", "Agent:Window:MaxTurnsLoaded",
        "Agent:Tools:Allow", "Agent:Tools:Deny",
        "Model:Provider",
        "Model:OpenAI:BaseUrl", "Model:OpenAI:Model", "Model:OpenAI:ApiKey", "Model:OpenAI:ApiKeyFile",
        "Model:Bedrock:GuardrailId", "Model:Bedrock:GuardrailVersion", "Model:Bedrock:GuardrailTrace", "Model:Bedrock:GuardrailStreamMode", "Model:Bedrock:PromptCaching",
        "Store:Provider", "Store:SqlitePath", "Store:DynamoDbTable", "Store:DynamoDbTtlDays", "Store:DynamoDbCreateTable",
        "DevGateway:Enabled", "DevGateway:Port", "DevGateway:Token",
        "Runtime:MaxRequestBodyBytes", "Runtime:DrainTimeoutSeconds", "Runtime:GatewayStartupWaitSeconds", "Runtime:LogFormat", "Runtime:LogLevel",
    };

    /// <summary>Keys whose children are free-form (lists and maps).</summary>
    public static readonly string[] OpenPrefixes =
    [
        "Agent:Model:StopSequences:", "Agent:Tools:Allow:", "Agent:Tools:Deny:", "Agent:Limits:ToolTimeouts:", "Logging:", "Gateways:",
    ];

    /// <summary>Top-level sections the host owns (unknown keys under them are errors).</summary>
    public static readonly string[] Sections = ["Agent", "Model", "Store", "DevGateway", "Runtime"];

    /// <summary>Top-level names that are allowed although the host does not bind them (other components read them).</summary>
    public static readonly HashSet<string> ForeignTopLevel = new(StringComparer.OrdinalIgnoreCase) { "Logging", "Gateways" };

    /// <summary>Keys that hold secrets: redacted when printed.</summary>
    public static bool IsSecret(string key) =>
        key.EndsWith(":Token", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith(":ApiKey", StringComparison.OrdinalIgnoreCase)
        || key.Contains("Secret", StringComparison.OrdinalIgnoreCase)
        || key.Contains("Password", StringComparison.OrdinalIgnoreCase);

    public static bool IsKnown(string key) =>
        Exact.Contains(key) || OpenPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
