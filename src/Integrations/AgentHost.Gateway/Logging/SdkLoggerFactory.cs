using Microsoft.Extensions.Logging;

namespace AgentHost.Gateway.Logging;

/// <summary>
/// The logger factory the MCP SDK's client gets: only its errors pass (a connection that cannot be opened, a broken
/// transport). Its warnings quote a gateway's error messages ("request failed for method 'tools/call': …"), which can echo
/// a caller's data, so they are dropped; the gateway logs what matters itself, without content.
/// </summary>
internal sealed class SdkLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new ErrorsOnlyLogger(inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        // The inner factory belongs to the container.
    }

    private sealed class ErrorsOnlyLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
