using System.Collections;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Compliance.Redaction;

namespace AgentHost.Telemetry.Redaction;

/// <summary>
/// The state of a log entry once redacted: every value that is not a number, a flag or a time passed through the redactor, and
/// the message formatted again from the template (<c>{OriginalFormat}</c>) with the redacted values. Providers that read the
/// state (JSON console, OTLP) and those that read the message (simple console) see the same redacted values.
/// </summary>
internal sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";
    private readonly KeyValuePair<string, object?>[] _values;

    private RedactedLogState(KeyValuePair<string, object?>[] values, string message)
    {
        _values = values;
        Message = message;
    }

    /// <summary>The formatted, redacted message.</summary>
    public string Message { get; }

    /// <inheritdoc />
    public int Count => _values.Length;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => _values[index];

    /// <summary>The formatter passed with the state.</summary>
    public static string Format(RedactedLogState state, Exception? exception) => state.Message;

    /// <summary>Redacts a log entry's state.</summary>
    public static RedactedLogState Create<TState>(TState state, Exception? exception, Func<TState, Exception?, string> formatter, Redactor redactor)
    {
        if (state is IReadOnlyList<KeyValuePair<string, object?>> list)
        {
            var values = new KeyValuePair<string, object?>[list.Count];
            string? template = null;
            for (var i = 0; i < list.Count; i++)
            {
                var (key, value) = list[i];
                if (key == OriginalFormat)
                {
                    template = value as string;
                    values[i] = list[i];
                }
                else
                {
                    values[i] = new(key, RedactValue(value, redactor));
                }
            }

            var message = template is null ? redactor.Redact(formatter(state, exception)) : FormatTemplate(template, values);
            return new RedactedLogState(values, message);
        }

        return new RedactedLogState([], redactor.Redact(formatter(state, exception)));
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => Message;

    private static object? RedactValue(object? value, Redactor redactor) => value switch
    {
        null => null,
        string text => redactor.Redact(text),
        bool or byte or short or int or long or float or double or decimal or Enum or TimeSpan or DateTime or DateTimeOffset or Guid => value,
        IFormattable formattable => redactor.Redact(formattable.ToString(null, CultureInfo.InvariantCulture)),
        IEnumerable sequence => redactor.Redact(string.Join(", ", sequence.Cast<object?>())),
        _ => redactor.Redact(value.ToString()),
    };

    /// <summary>Fills the holes of a message template (<c>{Name}</c>, <c>{Name:format}</c>, <c>{{</c> for a brace) in order.</summary>
    private static string FormatTemplate(string template, KeyValuePair<string, object?>[] values)
    {
        var text = new StringBuilder(template.Length + 32);
        var next = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
            {
                text.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
            {
                text.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end < 0)
                {
                    text.Append(template, i, template.Length - i);
                    break;
                }

                while (next < values.Length && values[next].Key == OriginalFormat)
                {
                    next++;
                }

                text.Append(next < values.Length ? Convert.ToString(values[next++].Value, CultureInfo.InvariantCulture) ?? "(null)" : "(null)");
                i = end;
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
