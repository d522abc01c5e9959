namespace AgentHost.Sanitization.Tools;

/// <summary>
/// The flags <see cref="SanitizingToolCallMiddleware"/> puts on a tool call (<c>ToolCallOutcome.Flags</c>): stored with the
/// tool-call record, reported in the invocation response, read by the audit trail and the supervisor feed. Never values.
/// </summary>
public static class SanitizationFlags
{
    /// <summary>Instruction-like text was removed from the tool's result.</summary>
    public const string Injection = "sanitised:injection";

    /// <summary>Personal data was masked in the tool's result.</summary>
    public const string Pii = "sanitised:pii";

    /// <summary>The result could not be examined (an unexpected failure of the sanitiser): it was withheld from the model.</summary>
    public const string Failed = "sanitised:failed";
}
