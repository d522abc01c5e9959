namespace AgentHost.Sanitization;

/// <summary>What a sanitisation finding is about.</summary>
public enum FindingKind
{
    /// <summary>Instruction-like text replaced by the injection placeholder.</summary>
    Injection,

    /// <summary>A personal-data value replaced by a typed placeholder.</summary>
    Pii,
}
