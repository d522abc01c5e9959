using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;

namespace AgentHost.Telemetry.Redaction;

/// <summary>A logger whose entries reach the providers redacted: state values, message and exception (see <see cref="RedactedLogState"/>).</summary>
internal sealed class RedactingLogger(ILogger inner, Redactor redactor) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var redacted = RedactedLogState.Create(state, exception, formatter, redactor);
        inner.Log(logLevel, eventId, redacted, exception is null ? null : RedactedException.Create(exception, redactor), RedactedLogState.Format);
    }
}
