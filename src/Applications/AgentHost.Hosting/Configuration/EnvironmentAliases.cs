namespace AgentHost.Hosting.Configuration;

/// <summary>
/// Short environment variable names accepted besides the generic <c>AGENTHOST_SECTION__KEY</c> form. An alias is read
/// with the same precedence as the other environment variables; the generic form wins when both are set.
/// </summary>
public static class EnvironmentAliases
{
    /// <summary>Alias variable name to configuration key.</summary>
    public static IReadOnlyDictionary<string, string> Map { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["BEDROCK_MODEL_ID"] = "Agent:Model:ModelId",
        ["AGENTHOST_BEDROCK_MODEL_ID"] = "Agent:Model:ModelId",
        ["AGENTHOST_MODEL_ID"] = "Agent:Model:ModelId",
        ["AGENTHOST_AGENT_NAME"] = "Agent:Name",
        ["AGENTHOST_INSTRUCTIONS_FILE"] = "Agent:InstructionsFile",
        ["AGENTHOST_MODEL_PROVIDER"] = "Model:Provider",
        ["AGENTHOST_OPENAI_BASE_URL"] = "Model:OpenAI:BaseUrl",
        ["AGENTHOST_OPENAI_MODEL"] = "Model:OpenAI:Model",
        ["AGENTHOST_OPENAI_API_KEY"] = "Model:OpenAI:ApiKey",
        ["AGENTHOST_OPENAI_API_KEY_FILE"] = "Model:OpenAI:ApiKeyFile",
        ["AGENTHOST_BEDROCK_GUARDRAIL_ID"] = "Model:Bedrock:GuardrailId",
        ["AGENTHOST_BEDROCK_GUARDRAIL_VERSION"] = "Model:Bedrock:GuardrailVersion",
        ["AGENTHOST_BEDROCK_GUARDRAIL_TRACE"] = "Model:Bedrock:GuardrailTrace",
        ["AGENTHOST_BEDROCK_GUARDRAIL_STREAM_MODE"] = "Model:Bedrock:GuardrailStreamMode",
        ["AGENTHOST_BEDROCK_PROMPT_CACHING"] = "Model:Bedrock:PromptCaching",
        ["AGENTHOST_STORE"] = "Store:Provider",
        ["AGENTHOST_SQLITE_PATH"] = "Store:SqlitePath",
        ["AGENTHOST_DYNAMODB_TABLE"] = "Store:DynamoDbTable",
        ["AGENTHOST_DYNAMODB_TTL_DAYS"] = "Store:DynamoDbTtlDays",
        ["AGENTHOST_DYNAMODB_CREATE_TABLE"] = "Store:DynamoDbCreateTable",
        ["AGENTHOST_DEVGATEWAY"] = "DevGateway:Enabled",
        ["AGENTHOST_DEVGATEWAY_PORT"] = "DevGateway:Port",
        ["AGENTHOST_DEVGATEWAY_TOKEN"] = "DevGateway:Token",
        ["AGENTHOST_GATEWAY_STARTUP_WAIT_SECONDS"] = "Runtime:GatewayStartupWaitSeconds",
        ["AGENTHOST_LOG_FORMAT"] = "Runtime:LogFormat",
        ["AGENTHOST_LOG_LEVEL"] = "Runtime:LogLevel",
    };

    /// <summary>Returns the configuration entries the aliases set in an environment.</summary>
    public static Dictionary<string, string?> Read(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in Map)
        {
            var value = getVariable(variable);
            if (!string.IsNullOrEmpty(value))
            {
                values[key] = value;
            }
        }

        return values;
    }
}
