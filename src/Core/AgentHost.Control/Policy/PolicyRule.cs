using AgentHost.Abstractions.Control;

namespace AgentHost.Control.Policy;

/// <summary>
/// One rule of a <see cref="ToolPolicy"/>: what it matches (every given criterion must hold) and what it decides. Rules are
/// tried in file order; the first that matches decides.
/// </summary>
public sealed class PolicyRule
{
    /// <summary>The rule id (unique in the policy).</summary>
    public required string Id { get; init; }

    /// <summary>What the rule is for (shown to approvers and by <c>policy explain</c>).</summary>
    public string? Description { get; init; }

    /// <summary>Tool-name globs (any matches); empty: every tool. Matched against the model-facing name and the gateway's name.</summary>
    public IReadOnlyList<GlobPattern> Tools { get; init; } = [];

    /// <summary>Required annotations, or null.</summary>
    public AnnotationMatch? Annotations { get; init; }

    /// <summary>Caller profiles (any matches, ignoring case); empty: any caller, with or without a profile.</summary>
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>Channels (any matches, ignoring case); empty: any channel.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>Conditions on the arguments (all must hold).</summary>
    public IReadOnlyList<PolicyCondition> Conditions { get; init; } = [];

    /// <summary>Allow or deny.</summary>
    public required PolicyEffect Effect { get; init; }

    /// <summary>The risk level. Default: low.</summary>
    public RiskLevel Risk { get; init; } = RiskLevel.Low;

    /// <summary>Who must approve an allowed call. Default: automatic.</summary>
    public ApprovalMode Approval { get; init; } = ApprovalMode.Automatic;

    /// <summary>How long an approval may wait before it expires (a rejection); null: the policy's default.</summary>
    public TimeSpan? ApprovalTimeout { get; init; }

    /// <summary>The line of the rule in its file (0 when not loaded from a file).</summary>
    public int Line { get; init; }

    /// <summary>Whether the rule matches <paramref name="request"/>; <paramref name="why"/> says why or why not.</summary>
    public bool Matches(PolicyRequest request, out string why)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Tools.Count > 0 && !Tools.Any(glob => request.Names.Any(glob.IsMatch)))
        {
            why = $"the tool name {request.ToolName} matches none of {string.Join(", ", Tools)}";
            return false;
        }

        if (Annotations is { } annotations && !annotations.IsSatisfied(request.Annotations, out var mismatch))
        {
            why = $"the tool's {mismatch}";
            return false;
        }

        if (Profiles.Count > 0 && (request.Profile is null || !Profiles.Contains(request.Profile, StringComparer.OrdinalIgnoreCase)))
        {
            why = request.Profile is null ? "the caller has no profile" : $"the caller's profile {request.Profile} is not one of {string.Join(", ", Profiles)}";
            return false;
        }

        if (Channels.Count > 0 && (request.Channel is null || !Channels.Contains(request.Channel, StringComparer.OrdinalIgnoreCase)))
        {
            why = request.Channel is null ? "the channel is unknown" : $"the channel {request.Channel} is not one of {string.Join(", ", Channels)}";
            return false;
        }

        foreach (var condition in Conditions)
        {
            if (!condition.IsSatisfied(request.Arguments))
            {
                why = $"the condition {condition} does not hold";
                return false;
            }
        }

        why = "every criterion matches";
        return true;
    }
}
