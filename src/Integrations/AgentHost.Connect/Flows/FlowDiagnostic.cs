namespace AgentHost.Connect.Flows;

/// <summary>One finding of the flow linter.</summary>
/// <param name="Severity">Error or warning.</param>
/// <param name="Code">A stable code, <c>FL001</c>...</param>
/// <param name="ActionId">The action's <c>Identifier</c>, or <see langword="null"/> for the whole flow.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">How to fix it.</param>
public sealed record FlowDiagnostic(FlowSeverity Severity, string Code, string? ActionId, string Message, string Hint)
{
    /// <summary>One line: <c>error FL006 [action route]: message (hint)</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString()
        => $"{(Severity == FlowSeverity.Error ? "error" : "warning")} {Code}{(ActionId is null ? string.Empty : $" [action {ActionId}]")}: {Message} Hint: {Hint}";
}
