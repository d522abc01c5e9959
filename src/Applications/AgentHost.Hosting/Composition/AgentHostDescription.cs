namespace AgentHost.Hosting.Composition;

/// <summary>What the host runs with, for the one start-up line (never contains secrets).</summary>
/// <param name="Model">The model, e.g. <c>Bedrock us.anthropic.claude-... (us-east-1)</c> or <c>offline rule-based model (not a language model)</c>.</param>
/// <param name="Store">The conversation store, e.g. <c>SQLite .data/agenthost.db</c>.</param>
/// <param name="Gateways">The tool gateways, e.g. <c>development gateway http://127.0.0.1:5000/mcp</c>.</param>
public sealed record AgentHostDescription(string Model, string Store, string Gateways)
{
    /// <summary>The control layer: policy source and mode, where approvals, intents and audit records are kept. Default: not described.</summary>
    public string? Control { get; init; }

    /// <summary>Supervision: where the activity feed and guidance are kept, or why it is off. Default: not described.</summary>
    public string? Supervision { get; init; }

    /// <summary>Sanitisation of tool results and replies: what is on, or that it is off. Default: not described.</summary>
    public string? Sanitization { get; init; }

    /// <summary>The start-up line: what is used and how to switch.</summary>
    public string ToStartupLine() =>
        $"Model: {Model} | Store: {Store} | Tools: {Gateways}" + (Control is null ? string.Empty : $" | Control: {Control}") + (Supervision is null ? string.Empty : $" | Supervision: {Supervision}") + (Sanitization is null ? string.Empty : $" | Sanitization: {Sanitization}") + Environment.NewLine +
        "  Switch with AGENTHOST_MODEL_ID + AWS credentials (Bedrock), AGENTHOST_DYNAMODB_TABLE (DynamoDB), AGENTCORE_GATEWAY_<NAME>_URL (gateways); see README.";
}
