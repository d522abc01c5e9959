namespace AgentHost.Sanitization;

/// <summary>The outcome of sanitising one tool result or text.</summary>
public sealed class SanitizationResult
{
    internal SanitizationResult(string text, IReadOnlyList<SanitizationFinding> findings, bool changed)
    {
        Text = text;
        Findings = findings;
        Changed = changed;
    }

    /// <summary>The sanitised text: the input instance itself when nothing was found.</summary>
    public string Text { get; }

    /// <summary>What was removed or masked, in order of position (empty when nothing was found).</summary>
    public IReadOnlyList<SanitizationFinding> Findings { get; }

    /// <summary>True when the text differs from the input.</summary>
    public bool Changed { get; }

    /// <summary>True when instruction-like text was removed.</summary>
    public bool RemovedInjection => Findings.Any(f => f.Kind == FindingKind.Injection);

    /// <summary>True when personal data was masked.</summary>
    public bool MaskedPii => Findings.Any(f => f.Kind == FindingKind.Pii);
}
