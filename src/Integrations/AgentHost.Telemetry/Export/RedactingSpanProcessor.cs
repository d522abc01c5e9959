using System.Diagnostics;
using Microsoft.Extensions.Compliance.Redaction;
using OpenTelemetry;

namespace AgentHost.Telemetry.Export;

/// <summary>
/// Passes every span's string attributes and status description through the <see cref="Redaction.AgentHostDataClasses.UserData"/>
/// redactor before export (a failed model call's span carries the error message, which may echo input), and drops the spans of
/// the runtime's health checks (<c>GET /ping</c>), which AgentCore sends every few seconds.
/// </summary>
internal sealed class RedactingSpanProcessor(Redactor redactor) : BaseProcessor<Activity>
{
    public override void OnEnd(Activity data)
    {
        if (data.Kind == ActivityKind.Server && data.GetTagItem("url.path") is "/ping")
        {
            data.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
            return;
        }

        List<KeyValuePair<string, string>>? changed = null;
        foreach (var (key, value) in data.Tags)
        {
            if (value is null)
            {
                continue;
            }

            var redacted = redactor.Redact(value);
            if (!ReferenceEquals(redacted, value) && !string.Equals(redacted, value, StringComparison.Ordinal))
            {
                (changed ??= []).Add(new(key, redacted));
            }
        }

        if (changed is not null)
        {
            foreach (var (key, value) in changed)
            {
                data.SetTag(key, value);
            }
        }

        if (data.StatusDescription is { } description)
        {
            data.SetStatus(data.Status, redactor.Redact(description));
        }
    }
}
