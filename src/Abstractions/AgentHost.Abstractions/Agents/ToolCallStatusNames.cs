namespace AgentHost.Abstractions.Agents;

/// <summary>Wire names of <see cref="ToolCallStatus"/> values.</summary>
public static class ToolCallStatusNames
{
    /// <summary>Returns the wire name of a status: <c>success</c>, <c>error</c>, <c>timeout</c>, <c>notFound</c>, <c>denied</c>, <c>cancelled</c> or <c>pending</c>.</summary>
    public static string ToWireName(this ToolCallStatus status) => status switch
    {
        ToolCallStatus.Success => "success",
        ToolCallStatus.Error => "error",
        ToolCallStatus.Timeout => "timeout",
        ToolCallStatus.NotFound => "notFound",
        ToolCallStatus.Denied => "denied",
        ToolCallStatus.Cancelled => "cancelled",
        ToolCallStatus.Pending => "pending",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown tool call status."),
    };

    /// <summary>Parses a wire name produced by <see cref="ToWireName"/>.</summary>
    /// <exception cref="FormatException">The name is not a known status.</exception>
    public static ToolCallStatus Parse(string name)
    {
        foreach (var value in Enum.GetValues<ToolCallStatus>())
        {
            if (string.Equals(value.ToWireName(), name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new FormatException($"'{name}' is not a known tool call status.");
    }
}
