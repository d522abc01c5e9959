using AgentHost.Abstractions.Tools;

namespace AgentHost.Core.Tools;

/// <summary>An <see cref="IToolCallMiddleware"/> from a delegate, for one-line registrations.</summary>
/// <param name="invoke">The middleware body: <c>(context, next, cancellationToken) =&gt; ...</c>.</param>
public sealed class DelegateToolCallMiddleware(Func<ToolCallContext, ToolCallHandler, CancellationToken, ValueTask<ToolCallOutcome>> invoke) : IToolCallMiddleware
{
    private readonly Func<ToolCallContext, ToolCallHandler, CancellationToken, ValueTask<ToolCallOutcome>> _invoke = invoke ?? throw new ArgumentNullException(nameof(invoke));

    /// <inheritdoc />
    public ValueTask<ToolCallOutcome> InvokeAsync(ToolCallContext context, ToolCallHandler next, CancellationToken cancellationToken) =>
        _invoke(context, next, cancellationToken);
}
