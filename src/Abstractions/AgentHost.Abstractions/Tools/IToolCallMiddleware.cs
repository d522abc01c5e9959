using AgentHost.Abstractions.Agents;

namespace AgentHost.Abstractions.Tools;

/// <summary>
/// Wraps every tool call of the agent loop, in the shape of M.E.AI's <c>DelegatingAIFunction</c> and Agent Framework's
/// function middleware: inspect or replace the arguments, refuse, time out, replace or post-process the result, or
/// <b>suspend</b> the call (<see cref="ToolCallOutcome.Suspend"/>) so that the turn ends and a later invocation resumes it.
/// </summary>
/// <remarks>
/// <para>Middleware run in registration order: the first registered is the outermost and sees every call first and its
/// outcome last. Call the <c>next</c> step at most once to continue; return without calling it to short-circuit.</para>
/// <para>The innermost step (the loop's own) runs the tool: <see cref="ToolCallStatus.NotFound"/> when
/// <see cref="ToolCallContext.Tool"/> is null, else the function with <see cref="ToolCallContext.Timeout"/>; a throwing
/// tool becomes an <see cref="ToolCallStatus.Error"/> outcome. An exception thrown by a middleware becomes an error result
/// the model sees; the turn goes on (a policy middleware that cannot decide should return a denial itself: fail closed).</para>
/// <para>Middleware instances are shared by every turn: keep per-call state in the context.</para>
/// </remarks>
public interface IToolCallMiddleware
{
    /// <summary>Handles one tool call.</summary>
    /// <param name="context">The call: invocation, tool, arguments (replaceable), timeout, resumption.</param>
    /// <param name="next">The rest of the chain.</param>
    /// <param name="cancellationToken">Cancelled when the turn ends (cancel, deadline); the per-call timeout is applied by the innermost step.</param>
    /// <returns>How the call ended.</returns>
    ValueTask<ToolCallOutcome> InvokeAsync(ToolCallContext context, ToolCallHandler next, CancellationToken cancellationToken);
}
