namespace AgentHost.Core.Sessions;

/// <summary>Creates turn ids when the caller supplies none.</summary>
public interface ITurnIdGenerator
{
    /// <summary>Returns a new unique turn id.</summary>
    string NewTurnId();
}
