namespace AgentHost.Abstractions.Agents;

/// <summary>Token counts summed over a turn (or reported by one model call).</summary>
/// <param name="InputTokens">Tokens sent to the model.</param>
/// <param name="OutputTokens">Tokens the model produced.</param>
/// <param name="TotalTokens">The total the provider reported (input + output when it reports none).</param>
public readonly record struct TokenUsage(long InputTokens, long OutputTokens, long TotalTokens)
{
    /// <summary>No tokens.</summary>
    public static TokenUsage Zero => default;

    /// <summary>Adds two usages.</summary>
    public static TokenUsage operator +(TokenUsage left, TokenUsage right) =>
        new(left.InputTokens + right.InputTokens, left.OutputTokens + right.OutputTokens, left.TotalTokens + right.TotalTokens);

    /// <summary>Adds two usages (named alternative to the operator).</summary>
    public static TokenUsage Add(TokenUsage left, TokenUsage right) => left + right;
}
