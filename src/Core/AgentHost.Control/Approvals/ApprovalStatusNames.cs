using AgentHost.Abstractions.Control;

namespace AgentHost.Control.Approvals;

/// <summary>Wire names of <see cref="ApprovalStatus"/> (camelCase), as the CLI and the audit trail write them.</summary>
public static class ApprovalStatusNames
{
    /// <summary>The wire name, e.g. <c>pending</c>.</summary>
    public static string ToWireName(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Pending => "pending",
        ApprovalStatus.Approved => "approved",
        ApprovalStatus.Rejected => "rejected",
        ApprovalStatus.Expired => "expired",
        ApprovalStatus.Executing => "executing",
        ApprovalStatus.Completed => "completed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown approval status."),
    };

    /// <summary>Parses a wire name (ignoring case).</summary>
    /// <exception cref="FormatException">Not a known status.</exception>
    public static ApprovalStatus Parse(string name)
    {
        foreach (var value in Enum.GetValues<ApprovalStatus>())
        {
            if (string.Equals(ToWireName(value), name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new FormatException($"'{name}' is not an approval status (pending, approved, rejected, expired, executing, completed).");
    }
}
