using AgentHost.Abstractions.Tools;

namespace AgentHost.Core.Tools;

/// <summary>Composes <see cref="IToolCallMiddleware"/>s around an innermost step, once, into one <see cref="ToolCallHandler"/>.</summary>
internal static class ToolCallPipeline
{
    /// <summary>Builds the chain: <paramref name="middleware"/>[0] is the outermost; <paramref name="innermost"/> runs the tool.</summary>
    public static ToolCallHandler Build(IReadOnlyList<IToolCallMiddleware> middleware, ToolCallHandler innermost)
    {
        var handler = innermost;
        for (var i = middleware.Count - 1; i >= 0; i--)
        {
            var current = middleware[i];
            var next = handler;
            handler = (context, cancellationToken) => current.InvokeAsync(context, next, cancellationToken);
        }

        return handler;
    }
}
