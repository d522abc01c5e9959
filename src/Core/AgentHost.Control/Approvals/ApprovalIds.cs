using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace AgentHost.Control.Approvals;

/// <summary>Approval request ids: <c>apr_</c> and 32 hexadecimal characters derived from what identifies the call.</summary>
public static class ApprovalIds
{
    /// <summary>The kind of suspension the control layer uses for approvals (<see cref="Abstractions.Tools.ToolCallSuspension.Kind"/>).</summary>
    public const string SuspensionKind = "approval";

    /// <summary>
    /// The id of the approval request for the <paramref name="occurrence"/>-th call of <paramref name="toolName"/> with these
    /// arguments in a turn: a retry of the same turn finds the same request instead of asking twice.
    /// </summary>
    public static string For(string sessionId, string turnId, string toolName, string argumentsHash, int occurrence)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{sessionId}\n{turnId}\n{toolName}\n{argumentsHash}\n{occurrence}");
        return "apr_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }
}
