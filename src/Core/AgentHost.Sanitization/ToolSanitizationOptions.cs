namespace AgentHost.Sanitization;

/// <summary>Per-tool settings (configuration section <c>Sanitization:Tools:&lt;tool&gt;</c>); unset values inherit the global ones.</summary>
public sealed class ToolSanitizationOptions
{
    /// <summary>Whether injection removal applies to this tool's results. Default: null (the global setting).</summary>
    public bool? Injection { get; set; }

    /// <summary>Whether personal-data masking applies to this tool's results. Default: null (the global setting).</summary>
    public bool? Pii { get; set; }

    /// <summary>
    /// The kinds of personal data masked in this tool's results, replacing the global list. Default: null (the global
    /// list).
    /// </summary>
    public IList<PiiKind>? PiiKinds { get; set; }

    /// <summary>Kinds of personal data this tool may return unmasked (removed from the effective list). Default: none.</summary>
    public IList<PiiKind> AllowPiiKinds { get; set; } = [];

    /// <summary>
    /// JSON fields this tool must pass through unmasked (personal-data masking only; injection removal still applies):
    /// a property name matched anywhere, case-insensitively (<c>investorId</c>), or a path from the root
    /// (<c>$.investor.id</c>, <c>$.accounts[*].number</c>). Default: none.
    /// </summary>
    public IList<string> AllowFields { get; set; } = [];
}
