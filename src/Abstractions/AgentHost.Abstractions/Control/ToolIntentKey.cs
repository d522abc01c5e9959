using System.Globalization;

namespace AgentHost.Abstractions.Control;

/// <summary>
/// What identifies one side effect within a session: not the model's call id (a retried turn gets new call ids from a real
/// model) but the scope it ran in, the tool, the argument hash and the occurrence of that same call within the scope.
/// </summary>
/// <param name="SessionId">The session.</param>
/// <param name="Scope">The turn id for a call the model just made; <c>approval:&lt;request id&gt;</c> for an approved call resumed later.</param>
/// <param name="ToolName">The tool name.</param>
/// <param name="ArgumentsHash">The SHA-256 of the canonical JSON of the arguments (lowercase hex).</param>
/// <param name="Occurrence">1 for the first call of this tool with these arguments in the scope, 2 for the second, ...</param>
public sealed record ToolIntentKey(string SessionId, string Scope, string ToolName, string ArgumentsHash, int Occurrence)
{
    /// <summary>The key within the session: <c>scope#tool#hash#occurrence</c>.</summary>
    public string IntentId => string.Create(CultureInfo.InvariantCulture, $"{Scope}#{ToolName}#{ArgumentsHash}#{Occurrence}");
}
