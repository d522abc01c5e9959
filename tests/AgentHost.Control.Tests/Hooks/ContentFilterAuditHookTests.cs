using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Hooks;
using AgentHost.Control.Audit;
using AgentHost.Control.Hooks;
using AgentHost.Control.Stores;
using Microsoft.Extensions.AI;

namespace AgentHost.Control.Tests.Hooks;

public sealed class ContentFilterAuditHookTests
{
    private static readonly InvocationContext Invocation = new() { SessionId = "s-guard", TurnId = "t-1" };

    [Fact]
    public async Task OnModelCalledAsync_GuardrailIntervened_AppendsOneRecordWithTheTraceHashAndPoliciesButNoContentAsync()
    {
        var store = new InMemoryAuditStore();
        var hook = new ContentFilterAuditHook(new AuditTrail(store));
        var trace = JsonDocument.Parse("""{"guardrail":{"inputAssessment":{"g1":{"topicPolicy":{"topics":[{"name":"Investment advice","action":"BLOCKED"}]},"sensitiveInformationPolicy":{"piiEntities":[{"match":"078-05-1120","action":"BLOCKED"}]}}}}}""").RootElement;
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "Sorry, I cannot help with that."))
        {
            FinishReason = ChatFinishReason.ContentFilter,
            AdditionalProperties = new AdditionalPropertiesDictionary { [ContentFilterAuditHook.TraceKey] = trace },
        };

        await hook.OnModelCalledAsync(new ModelCalledContext(Invocation, new Dictionary<string, object?>(), 2, response, null, TimeSpan.FromMilliseconds(5)), TestContext.Current.CancellationToken);

        var records = await store.ReadAsync("s-guard", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        var record = Assert.Single(records);
        Assert.Equal(AuditRecordKinds.ModelContentFiltered, record.Kind);
        Assert.Equal("t-1", record.TurnId);
        Assert.Equal(64, record.ResultHash!.Length);
        Assert.Equal("sensitiveInformationPolicy,topicPolicy", record.Details!["policies"]);
        Assert.Equal("2", record.Details["cycle"]);
        Assert.DoesNotContain("078-05-1120", string.Join(";", record.Details.Select(d => d.Key + "=" + d.Value)) + record.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnModelCalledAsync_OrdinaryStop_AppendsNothingAsync()
    {
        var store = new InMemoryAuditStore();
        var hook = new ContentFilterAuditHook(new AuditTrail(store));
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "Hello.")) { FinishReason = ChatFinishReason.Stop };

        await hook.OnModelCalledAsync(new ModelCalledContext(Invocation, new Dictionary<string, object?>(), 1, response, null, TimeSpan.Zero), TestContext.Current.CancellationToken);

        Assert.Empty(await store.ReadAsync("s-guard", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken));
    }
}
