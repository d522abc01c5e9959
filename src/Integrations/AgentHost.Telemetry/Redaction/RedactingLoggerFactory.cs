using Microsoft.Extensions.Compliance.Redaction;
using Microsoft.Extensions.Logging;

namespace AgentHost.Telemetry.Redaction;

/// <summary>The logger factory of the host: the usual one, with every logger's entries redacted before any provider sees them.</summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner, Redactor redactor) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), redactor);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}
