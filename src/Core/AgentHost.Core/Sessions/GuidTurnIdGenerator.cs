namespace AgentHost.Core.Sessions;

/// <summary>Turn ids from version-7 GUIDs (time-ordered).</summary>
public sealed class GuidTurnIdGenerator : ITurnIdGenerator
{
    /// <inheritdoc />
    public string NewTurnId() => Guid.CreateVersion7().ToString("N");
}
