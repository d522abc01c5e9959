using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace AgentHost.Connect.Lambda.Logging;

/// <summary>
/// A small logger for the Lambda: one JSON object per line on standard output (CloudWatch Logs keeps each line as an
/// event), with the level, the event id, the message, the AWS request id and the trace id. Exceptions are logged by type
/// and message only. No logging framework is loaded, which keeps the cold start short.
/// </summary>
internal sealed class LambdaLogger : ILogger
{
    private static readonly object Gate = new();
    private readonly string _category;
    private readonly LogLevel _minimum;
    private readonly Stream _output;

    /// <summary>Creates the logger.</summary>
    /// <param name="category">The category.</param>
    /// <param name="minimum">The lowest level written.</param>
    /// <param name="output">Where lines go (default standard output).</param>
    public LambdaLogger(string category, LogLevel minimum, Stream? output = null)
    {
        _category = category;
        _minimum = minimum;
        _output = output ?? Console.OpenStandardOutput();
    }

    /// <summary>The request being handled, added to every line.</summary>
    public string? RequestId { get; set; }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= _minimum;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        using var buffer = new MemoryStream(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", DateTimeOffset.UtcNow);
            json.WriteString("level", logLevel.ToString());
            json.WriteNumber("eventId", eventId.Id);
            json.WriteString("category", _category);
            json.WriteString("message", formatter(state, exception));
            if (RequestId is { } requestId)
            {
                json.WriteString("requestId", requestId);
            }

            if (Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID") is { Length: > 0 } trace)
            {
                json.WriteString("traceId", trace);
            }

            if (exception is not null)
            {
                json.WriteString("exceptionType", exception.GetType().FullName);
                json.WriteString("exceptionMessage", exception.Message);
            }

            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        lock (Gate)
        {
            _output.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
            _output.Flush();
        }
    }

    /// <summary>Reads a level name (<c>Trace</c> ... <c>Critical</c>, <c>None</c>); unknown or empty means <c>Information</c>.</summary>
    public static LogLevel ParseLevel(string? value)
        => Enum.TryParse<LogLevel>(value, ignoreCase: true, out var level) ? level : LogLevel.Information;
}
