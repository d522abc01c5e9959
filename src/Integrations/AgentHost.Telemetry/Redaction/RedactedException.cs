using System.Text;
using Microsoft.Extensions.Compliance.Redaction;

namespace AgentHost.Telemetry.Redaction;

/// <summary>
/// An exception as logs see it once redacted: the original type name and stack trace, the message (and those of inner
/// exceptions) passed through the redactor. Exception messages often echo input (a tool's arguments, a model's reply).
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string? _stackTrace;

    private RedactedException(string originalType, string message, string? stackTrace, RedactedException? inner)
        : base(message, inner)
    {
        OriginalType = originalType;
        _stackTrace = stackTrace;
    }

    /// <summary>The full name of the exception's type.</summary>
    public string OriginalType { get; }

    /// <inheritdoc />
    public override string? StackTrace => _stackTrace;

    /// <summary>Creates the redacted copy of <paramref name="exception"/> (and its inner exceptions).</summary>
    public static RedactedException Create(Exception exception, Redactor redactor)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(redactor);
        if (exception is RedactedException redacted)
        {
            return redacted;
        }

        var inner = exception.InnerException is { } innerException ? Create(innerException, redactor) : null;
        return new RedactedException(exception.GetType().FullName ?? exception.GetType().Name, redactor.Redact(exception.Message), exception.StackTrace, inner);
    }

    /// <summary>Like <see cref="Exception.ToString"/>, with the original type names.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(OriginalType).Append(": ").Append(Message);
        if (InnerException is { } inner)
        {
            text.Append(" ---> ").Append(inner.ToString()).AppendLine().Append("   --- End of inner exception stack trace ---");
        }

        if (_stackTrace is not null)
        {
            text.AppendLine().Append(_stackTrace);
        }

        return text.ToString();
    }
}
