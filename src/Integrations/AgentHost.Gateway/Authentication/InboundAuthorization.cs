namespace AgentHost.Gateway.Authentication;

/// <summary>
/// The default <see cref="IInboundAuthorizationAccessor"/>: an async-local value that flows from the request handler into the
/// agent loop and its tool calls. Set it with <see cref="Use(string?)"/> around the handling of one invocation.
/// </summary>
public sealed class InboundAuthorization : IInboundAuthorizationAccessor
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <inheritdoc />
    public string? Authorization => Current.Value;

    /// <summary>Sets the inbound <c>Authorization</c> header for the current async flow until the returned scope is disposed.</summary>
    /// <param name="authorization">The header value, or <see langword="null"/>. Sensitive: never logged.</param>
    /// <returns>A scope that restores the previous value.</returns>
    public static IDisposable Use(string? authorization)
    {
        var previous = Current.Value;
        Current.Value = authorization;
        return new Scope(previous);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
