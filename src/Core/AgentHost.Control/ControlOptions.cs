namespace AgentHost.Control;

/// <summary>Settings of the control layer (see the README's "Control layer" section for the matching environment variables).</summary>
public sealed class ControlOptions
{
    /// <summary>The default <see cref="CustomerMessage"/>.</summary>
    public const string DefaultCustomerMessage = "A colleague needs to approve this before I can go ahead. I will let you know as soon as it has been decided.";

    /// <summary>
    /// What the customer is told when a call waits for approval and the model gave no text with it.
    /// Default: <see cref="DefaultCustomerMessage"/>.
    /// </summary>
    public string CustomerMessage { get; set; } = DefaultCustomerMessage;

    /// <summary>
    /// How long an approved call may stay claimed by a turn that never finished (a host that died between the claim and
    /// the run) before another turn may take it over; the intent store still guarantees the tool runs at most once.
    /// Default: 15 minutes.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The longest tool result (in characters) kept with an intent's outcome, so that a retried turn gets the result
    /// without running the tool again; longer results are cut. Default: 64 K characters.
    /// </summary>
    public int MaxStoredResultChars { get; set; } = 64 * 1024;
}
