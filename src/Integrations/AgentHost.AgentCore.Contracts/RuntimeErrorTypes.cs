namespace AgentHost.AgentCore.Contracts;

/// <summary>Values of <see cref="ErrorResponse.ErrorType"/> the host sends with a meaning of their own (others are exception type names).</summary>
public static class RuntimeErrorTypes
{
    /// <summary>409: another writer stored a turn on the session first. Reload the session and send the turn again.</summary>
    public const string ConversationConflict = "ConversationConflict";

    /// <summary>500 (or a last <c>error</c> event): the model call failed; the turn was stored with stop reason <c>error</c>, so a retry with the same turn id returns the same failure.</summary>
    public const string ModelError = "ModelError";
}
