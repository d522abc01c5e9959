namespace AgentHost.Abstractions.Tools;

/// <summary>The rest of the tool-call chain, as seen by an <see cref="IToolCallMiddleware"/>.</summary>
/// <param name="context">The call (pass the same context on, after changing what you need).</param>
/// <param name="cancellationToken">Cancels the call.</param>
/// <returns>How the call ended.</returns>
public delegate ValueTask<ToolCallOutcome> ToolCallHandler(ToolCallContext context, CancellationToken cancellationToken);
