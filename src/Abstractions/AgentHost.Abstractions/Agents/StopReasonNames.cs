namespace AgentHost.Abstractions.Agents;

/// <summary>Wire names of <see cref="StopReason"/> values (camelCase, as the Strands SDKs report them).</summary>
public static class StopReasonNames
{
    /// <summary>Returns the wire name of a stop reason, e.g. <c>endTurn</c>.</summary>
    public static string ToWireName(this StopReason reason) => reason switch
    {
        StopReason.EndTurn => "endTurn",
        StopReason.StopSequence => "stopSequence",
        StopReason.MaxCycles => "maxCycles",
        StopReason.MaxTokens => "maxTokens",
        StopReason.ContentFiltered => "contentFiltered",
        StopReason.Cancelled => "cancelled",
        StopReason.Deadline => "deadline",
        StopReason.Interrupted => "interrupted",
        StopReason.Error => "error",
        StopReason.Suspended => "suspended",
        StopReason.AwaitingApproval => "awaitingApproval",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown stop reason."),
    };

    /// <summary>Parses a wire name produced by <see cref="ToWireName"/>.</summary>
    /// <exception cref="FormatException">The name is not a known stop reason.</exception>
    public static StopReason Parse(string name)
    {
        foreach (var value in Enum.GetValues<StopReason>())
        {
            if (string.Equals(value.ToWireName(), name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new FormatException($"'{name}' is not a known stop reason.");
    }
}
