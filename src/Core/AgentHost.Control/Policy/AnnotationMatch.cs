namespace AgentHost.Control.Policy;

/// <summary>The annotations a rule requires (null: any). Compared with the tool's effective annotations (MCP defaults applied).</summary>
/// <param name="ReadOnly">Required read-only value.</param>
/// <param name="Destructive">Required destructive value.</param>
/// <param name="Idempotent">Required idempotent value.</param>
/// <param name="OpenWorld">Required open-world value.</param>
public sealed record AnnotationMatch(bool? ReadOnly = null, bool? Destructive = null, bool? Idempotent = null, bool? OpenWorld = null)
{
    /// <summary>Whether <paramref name="annotations"/> satisfies every required value; <paramref name="mismatch"/> names the first that does not.</summary>
    public bool IsSatisfied(ToolHints annotations, out string? mismatch)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        mismatch = ReadOnly is { } readOnly && readOnly != annotations.ReadOnly ? $"readOnly is {Lower(annotations.ReadOnly)}"
            : Destructive is { } destructive && destructive != annotations.Destructive ? $"destructive is {Lower(annotations.Destructive)}"
            : Idempotent is { } idempotent && idempotent != annotations.Idempotent ? $"idempotent is {Lower(annotations.Idempotent)}"
            : OpenWorld is { } openWorld && openWorld != annotations.OpenWorld ? $"openWorld is {Lower(annotations.OpenWorld)}"
            : null;
        return mismatch is null;
    }

    private static string Lower(bool value) => value ? "true" : "false";
}
