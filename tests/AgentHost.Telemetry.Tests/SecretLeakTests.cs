using System.Text;
using AgentHost.Abstractions.Agents;
using AgentHost.Core.Sessions;
using AgentHost.Telemetry.Tests.Otlp;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Telemetry.Tests;

/// <summary>
/// A scripted conversation full of secrets and personal data (a bearer token, AWS keys, an SSN, a card number) in the prompt,
/// the Authorization header, tool arguments, tool results, a tool's exception and a model's exception: none of them reaches
/// the logs or anything exported over OTLP (spans, metrics, logs), while the telemetry itself arrives.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class SecretLeakTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkphbmUifQ.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    private const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    private const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private const string Ssn = "078-05-1120";
    private const string Card = "4111 1111 1111 1111";

    private static readonly string[] Secrets = [Jwt, AccessKeyId, SecretKey, Ssn, Card, Card.Replace(" ", string.Empty, StringComparison.Ordinal)];

    [Fact]
    public async Task ScriptedConversationWithSecrets_Exported_NoSecretInLogsOrSpansOrMetricsAsync()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var model = new ScriptedChatClient()
            .ThenToolCalls(
                Responses.Call("call-1", "lookup_customer", ("ssn", Ssn), ("card", Card)),
                Responses.Call("call-2", "charge_card", ("card", Card)))
            .ThenText($"Your SSN {Ssn} and card {Card} are on file.")
            .ThenThrow(new InvalidOperationException($"Model rejected the request: Authorization: Bearer {Jwt} with key {AccessKeyId} / {SecretKey} for {Card}"));
        var lookup = TestTools.Create("lookup_customer", (_, _) => ValueTask.FromResult<object?>($"customer with card {Card}; aws_access_key_id={AccessKeyId} aws_secret_access_key={SecretKey}"));
        var charge = TestTools.Create("charge_card", (_, _) => throw new InvalidOperationException($"card {Card} declined for SSN {Ssn}"));

        await using (var host = await InProcessHost.StartAsync(model, Export(receiver), lookup, charge))
        {
            Assert.True(host.ExportEnabled);
            var first = await host.Sessions.RunTurnAsync(Request("leak-session-1", $"My SSN is {Ssn}, card {Card}, my keys {AccessKeyId} {SecretKey}"), TestContext.Current.CancellationToken);
            Assert.Equal(StopReason.EndTurn, first.Outcome.StopReason);
            var second = await host.Sessions.RunTurnAsync(Request("leak-session-1", $"Use the token Bearer {Jwt} please"), TestContext.Current.CancellationToken);
            Assert.Equal(StopReason.Error, second.Outcome.StopReason);

            // The failures were logged (with the exception), so the redaction had something to do.
            Assert.Contains(host.Logs.Entries, e => e.Contains("InvalidOperationException", StringComparison.Ordinal) && e.Contains("[REDACTED:", StringComparison.Ordinal));
            AssertNoSecret("the logs", string.Join('\n', host.Logs.Entries));
        }

        // The host flushed on stop: the spans arrived, with the failed model call's status redacted.
        var spans = receiver.Spans();
        Assert.Contains(spans, s => s.Name == "execute_tool lookup_customer");
        Assert.Contains(spans, s => s.Name == "execute_tool charge_card" && s.Tag("agenthost.tool.status") == "error");
        Assert.Contains(spans, s => s.Tag("gen_ai.operation.name") == "chat" && s.StatusCode == 2 && s.StatusMessage.Contains("[REDACTED:", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Tag("gen_ai.operation.name") == "invoke_agent" && s.Tag("agenthost.turn.stop_reason") == "error" && s.Tag("error.type") == "System.InvalidOperationException");
        Assert.NotEmpty(receiver.Metrics());
        Assert.NotEmpty(receiver.Logs());
        foreach (var (signal, body, _, _) in receiver.Requests)
        {
            AssertNoSecret("the exported " + signal, Encoding.UTF8.GetString(body));
        }

        foreach (var span in spans)
        {
            AssertNoSecret($"span {span.Name}", string.Join('\n', span.Attributes.Select(a => $"{a.Key}={a.Value}")) + span.StatusMessage);
        }
    }

    private static SessionTurnRequest Request(string sessionId, string prompt) => new()
    {
        SessionId = sessionId,
        Prompt = prompt,
        Authorization = CallerAuthorization.FromHeader("Bearer " + Jwt),
    };

    private static Dictionary<string, string> Export(OtlpReceiver receiver) => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
    };

    private static void AssertNoSecret(string where, string text)
    {
        foreach (var secret in Secrets)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} contain '{secret}':\n{text}");
        }
    }
}
