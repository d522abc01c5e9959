using System.Collections.Frozen;
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
    /// <summary>
    /// Attributes whose values are a fixed vocabulary or come from the configuration and the tool catalog (names, statuses,
    /// model ids, tool definitions), never from a caller, a model or a tool's output: not scanned.
    /// </summary>
    private static readonly FrozenSet<string> VocabularyKeys = new[]
    {
        "gen_ai.operation.name", "gen_ai.provider.name", "gen_ai.agent.name", "gen_ai.request.model", "gen_ai.response.model",
        "gen_ai.tool.name", "gen_ai.tool.type", "gen_ai.tool.definitions", "gen_ai.output.type", "gen_ai.response.finish_reasons",
        "agenthost.tool.status", "agenthost.turn.stop_reason", "agenthost.store.operation", "agenthost.store.type",
        "agenthost.store.outcome", "agenthost.policy.decision", "agenthost.policy.rule", "agenthost.channel", "error.type",
        "http.request.method", "http.route", "url.scheme", "server.address", "network.protocol.name", "network.protocol.version",
        "network.transport", "mcp.method.name", "mcp.protocol.version", "jsonrpc.protocol.version",
    }.ToFrozenSet(StringComparer.Ordinal);

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
            if (value is null || VocabularyKeys.Contains(key))
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
