namespace AgentHost.AgentCore.Contracts;

/// <summary>
/// The values of <see cref="InvocationResponse.StopReason"/> the host sends today. Stop reasons are strings on the wire:
/// a reader must accept values it does not know (new ones are added, e.g. <see cref="AwaitingApproval"/>).
/// </summary>
public static class InvocationStopReasons
{
    /// <summary>The model finished its answer.</summary>
    public const string EndTurn = "endTurn";

    /// <summary>The model stopped at a configured stop sequence.</summary>
    public const string StopSequence = "stopSequence";

    /// <summary>The turn used its maximum number of model calls.</summary>
    public const string MaxCycles = "maxCycles";

    /// <summary>The token budget was used up, or the model hit its output limit.</summary>
    public const string MaxTokens = "maxTokens";

    /// <summary>The model provider filtered the content.</summary>
    public const string ContentFiltered = "contentFiltered";

    /// <summary>The caller cancelled the turn.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The caller's deadline (<see cref="InvocationPayload.TimeoutMs"/>) passed.</summary>
    public const string Deadline = "deadline";

    /// <summary>A hook interrupted the turn.</summary>
    public const string Interrupted = "interrupted";

    /// <summary>A tool call waits for a human's approval; a later invocation resumes the turn. Reserved: not sent yet.</summary>
    public const string AwaitingApproval = "awaitingApproval";

    /// <summary>
    /// Not a stop: the turn goes on in the background after the caller's <see cref="InvocationPayload.WaitMs"/> passed (a
    /// <c>202</c> answer with no text); send the same turn id again to collect it.
    /// </summary>
    public const string Running = "running";

    /// <summary>The model call failed (a JSON call answers 500 with an <see cref="ErrorResponse"/> instead).</summary>
    public const string Error = "error";
}
