using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Sessions;
using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentHost.Hosting.Tests.Composition;

/// <summary>The control layer as the host composes it: on by default, outermost, configured by the Control settings.</summary>
public sealed class ControlCompositionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agenthost-control-composition", Guid.NewGuid().ToString("N"));

    public ControlCompositionTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task AddAgentHost_Default_EnforcesTheShippedPolicyBeforeAnyOtherMiddlewareAsync()
    {
        var seenByOtherMiddleware = new List<string>();
        var ran = 0;
        var model = new ScriptedChatClient().ThenToolCalls(Responses.Call("c1", "accounts___request_withdrawal", ("amount", 500)), Responses.Call("c2", "hr___delete_employee"));
        using var host = Build(agent => agent
            .UseModel(_ => model, "scripted model")
            .WithTools(
                TestTools.Create("accounts___request_withdrawal", (_, _) => { ran++; return new ValueTask<object?>("ok"); }),
                TestTools.Create("hr___delete_employee", (_, _) => { ran++; return new ValueTask<object?>("ok"); }))
            .WithToolMiddleware((context, next, ct) =>
            {
                seenByOtherMiddleware.Add(context.ToolName);
                return next(context, ct);
            }));

        var result = await host.Services.GetRequiredService<AgentSessionService>().RunTurnAsync(new SessionTurnRequest { SessionId = "s-control-default", Prompt = "withdraw and delete" }, TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.AwaitingApproval, result.Outcome.StopReason);
        Assert.Equal(0, ran);
        Assert.Empty(seenByOtherMiddleware);
        Assert.Equal(ToolCallStatus.Denied, result.Outcome.ToolCalls.Single(c => c.Name == "hr___delete_employee").Status);
        var request = Assert.Single(await host.Services.GetRequiredService<IApprovalService>().ListAsync(new ApprovalQuery(), TestContext.Current.CancellationToken));
        Assert.Equal("money-movements", request.RuleId);
        Assert.Contains("Control: policy (built-in default policy)", host.Services.GetRequiredService<AgentHostDescription>().ToStartupLine(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddAgentHost_GuardrailStopsTheModelCall_TheTurnEndsContentFilteredAndTheAuditRecordsItAsync()
    {
        var model = new ScriptedChatClient().Then(_ => new Microsoft.Extensions.AI.ChatResponse(new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.Assistant, "Sorry, I cannot help with that."))
        {
            FinishReason = Microsoft.Extensions.AI.ChatFinishReason.ContentFilter,
        });
        using var host = Build(agent => agent.UseModel(_ => model, "scripted model"));

        var result = await host.Services.GetRequiredService<AgentSessionService>().RunTurnAsync(new SessionTurnRequest { SessionId = "s-control-guardrail", Prompt = "which stock should I buy?" }, TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.ContentFiltered, result.Outcome.StopReason);
        var records = await host.Services.GetRequiredService<AgentHost.Control.ControlLayer>().AuditStore.ReadAsync("s-control-guardrail", cancellationToken: TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(records, r => r.Kind == AuditRecordKinds.ModelContentFiltered);
    }

    [Fact]
    public async Task AddAgentHost_PolicyFileAndReadOnlyMode_AreAppliedAsync()
    {
        var policy = Path.Combine(_folder, "policy.json");
        await File.WriteAllTextAsync(policy, """{ "version": 1, "rules": [ { "id": "all", "tools": ["*"], "effect": "allow", "risk": "low", "approval": "automatic" } ] }""", TestContext.Current.CancellationToken);
        var ran = 0;
        var model = new ScriptedChatClient().ThenToolCalls(Responses.Call("c1", "cases___create_case")).ThenText("done");
        using var host = Build(
            agent => agent.UseModel(_ => model, "scripted model").WithTools(TestTools.Create("cases___create_case", (_, _) => { ran++; return new ValueTask<object?>("ok"); })),
            new() { ["AGENTHOST_POLICY_FILE"] = policy, ["AGENTHOST_READ_ONLY"] = "true" });

        var result = await host.Services.GetRequiredService<AgentSessionService>().RunTurnAsync(new SessionTurnRequest { SessionId = "s-control-ro", Prompt = "create a case" }, TestContext.Current.CancellationToken);

        Assert.Equal(0, ran);
        var call = Assert.Single(result.Outcome.ToolCalls);
        Assert.Equal(ToolCallStatus.Denied, call.Status);
        Assert.Contains("read-only", call.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidPolicyFile_IsRefusedAtStartUpWithTheLineNamed()
    {
        var policy = Path.Combine(_folder, "broken.json");
        File.WriteAllText(policy, "{\n  \"version\": 1,\n  \"rules\": [\n    { \"id\": \"x\", \"effect\": \"maybe\" }\n  ]\n}\n");
        var configuration = AgentHostConfiguration.Build(environment: new Dictionary<string, string> { ["AGENTHOST_POLICY_FILE"] = policy });

        var error = Assert.Throws<ConfigurationValidationException>(() => AgentHostSettingsLoader.Load(configuration));

        Assert.Contains($"{policy} line 4: rules[0].effect", error.Message, StringComparison.Ordinal);
        Assert.Contains("AGENTHOST_POLICY_FILE", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private IHost Build(Action<AgentHostBuilder> configure, Dictionary<string, string>? environment = null)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["AGENTHOST_STORE"] = "memory", ["AGENTHOST_DEVGATEWAY"] = "false" };
        foreach (var (key, value) in environment ?? [])
        {
            variables[key] = value;
        }

        var configuration = AgentHostConfiguration.Build(environment: variables);
        var settings = AgentHostSettingsLoader.Load(configuration);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        configure(builder.Services.AddAgentHost(settings, configuration));
        return builder.Build();
    }
}
