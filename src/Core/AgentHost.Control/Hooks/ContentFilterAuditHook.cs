using System.Text;
using System.Text.Json;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Hooks;
using AgentHost.Control.Audit;
using AgentHost.Control.Hashing;
using Microsoft.Extensions.AI;

namespace AgentHost.Control.Hooks;

/// <summary>
/// Audits every model call that a content filter stopped (a Bedrock guardrail's intervention, finish reason
/// <see cref="ChatFinishReason.ContentFilter"/>): one record with the cycle, the hash of the guardrail's trace (never the
/// content it assessed) and the names of the guardrail policies that acted. An audit failure fails the turn (fail closed).
/// </summary>
public sealed class ContentFilterAuditHook : AgentHook
{
    /// <summary>The <c>AdditionalProperties</c> key under which the Bedrock client keeps the response's <c>trace</c>.</summary>
    public const string TraceKey = "bedrock.trace";

    private readonly IAuditTrail _audit;

    /// <summary>Creates the hook over the session audit trail.</summary>
    public ContentFilterAuditHook(IAuditTrail audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        _audit = audit;
    }

    /// <inheritdoc />
    public override async ValueTask OnModelCalledAsync(ModelCalledContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Response is not { FinishReason: { } reason } response || reason != ChatFinishReason.ContentFilter)
        {
            return;
        }

        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cycle"] = context.Cycle.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        string? traceHash = null;
        if (response.AdditionalProperties?.TryGetValue(TraceKey, out var trace) == true && trace is JsonElement { ValueKind: JsonValueKind.Object } json)
        {
            traceHash = ControlHashes.Bytes(Encoding.UTF8.GetBytes(json.GetRawText()));
            var policies = ActedPolicies(json);
            if (policies.Count > 0)
            {
                details["policies"] = string.Join(',', policies);
            }
        }

        await _audit.AppendAsync(
            new AuditEntry
            {
                SessionId = context.Invocation.SessionId,
                TurnId = context.Invocation.TurnId,
                Kind = AuditRecordKinds.ModelContentFiltered,
                Actor = AuditActors.System,
                Status = "contentFiltered",
                ResultHash = traceHash,
                Summary = traceHash is null ? "a content filter stopped the model call (no trace)" : "a guardrail stopped the model call",
                Details = details,
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The names of the guardrail assessment's policies (<c>topicPolicy</c>, <c>contentPolicy</c>, …) that appear in the trace, sorted.</summary>
    private static SortedSet<string> ActedPolicies(JsonElement trace)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        Walk(trace, depth: 0);
        return names;

        void Walk(JsonElement element, int depth)
        {
            if (depth > 8)
            {
                return;
            }

            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.EndsWith("Policy", StringComparison.Ordinal) && names.Count < 16)
                    {
                        names.Add(property.Name);
                    }

                    Walk(property.Value, depth + 1);
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, depth + 1);
                }
            }
        }
    }
}
