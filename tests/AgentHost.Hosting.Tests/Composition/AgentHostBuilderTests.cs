using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Hooks;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Conversations;
using AgentHost.Core.Sessions;
using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentHost.Hosting.Tests.Composition;

/// <summary>Every extension point of the host, added through the builder that <c>AddAgentHost</c> returns.</summary>
public sealed class AgentHostBuilderTests
{
    [Fact]
    public async Task WithModelMiddleware_OneLine_SeesEveryModelCallStreamingAndNotAsync()
    {
        var model = new ScriptedChatClient().ThenText("hello from the model").ThenText("second");
        var counter = new CountingChatClient.Counts();
        using var host = Build(agent => agent
            .UseModel(_ => model, "scripted model")
            .WithModelMiddleware(inner => new CountingChatClient(inner, counter)));

        var result = await Sessions(host).RunTurnAsync(Turn("hi"), TestContext.Current.CancellationToken);
        var direct = await host.Services.GetRequiredService<IChatClient>().GetResponseAsync("ping", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("hello from the model", result.Outcome.Text);
        Assert.Equal("second", direct.Text);
        Assert.Equal(1, counter.Streaming);
        Assert.Equal(1, counter.NonStreaming);
    }

    [Fact]
    public async Task WithModelMiddleware_TwoLayers_FirstAddedIsOutermostAndTheProviderIsAtTheBottomAsync()
    {
        var log = new List<string>();
        var model = new ScriptedChatClient().ThenText("ok");
        using var host = Build(agent => agent
            .UseModel(_ => model, "scripted model")
            .WithModelMiddleware(inner => new TracingChatClient(inner, "outer", log))
            .WithModelMiddleware((inner, _) => new TracingChatClient(inner, "inner", log)));

        await Sessions(host).RunTurnAsync(Turn("hi"), TestContext.Current.CancellationToken);

        Assert.Equal(["outer", "inner"], log);
        Assert.Single(model.Calls);
    }

    [Fact]
    public async Task WithToolMiddleware_SuspendsACall_TheTurnAwaitsAndTheToolDoesNotRunAsync()
    {
        var ran = 0;
        var model = new ScriptedChatClient().ThenToolCalls(Responses.Call("c1", "refund", ("amount", 900)));
        using var host = Build(agent => agent
            .UseModel(_ => model, "scripted model")
            .WithTools(TestTools.Create("refund", (_, _) =>
            {
                ran++;
                return new ValueTask<object?>("refunded");
            }))
            .WithToolMiddleware((context, next, ct) => context.ToolName == "refund"
                ? ValueTask.FromResult(ToolCallOutcome.Suspend(new ToolCallSuspension { Id = "approval-9", Kind = "approval", StopReason = StopReason.AwaitingApproval, CustomerMessage = "A colleague must approve it." }))
                : next(context, ct)));

        var result = await Sessions(host).RunTurnAsync(Turn("refund me"), TestContext.Current.CancellationToken);

        Assert.Equal(StopReason.AwaitingApproval, result.Outcome.StopReason);
        Assert.Equal("A colleague must approve it.", result.Outcome.Text);
        Assert.Equal(0, ran);
    }

    [Fact]
    public async Task WithToolMiddlewareOfAType_CreatedByTheContainer_WrapsEveryToolCallAsync()
    {
        var model = new ScriptedChatClient().ThenToolCalls(Responses.Call("c1", "lookup")).ThenText("done");
        using var host = Build(agent => agent
            .UseModel(_ => model, "scripted model")
            .WithTools(TestTools.Create("lookup", (_, _) => new ValueTask<object?>("raw")))
            .WithToolMiddleware<UpperCaseResults>());

        await Sessions(host).RunTurnAsync(Turn("look it up"), TestContext.Current.CancellationToken);

        var seen = Assert.Single(model.Calls[1].Messages[^1].Contents.OfType<FunctionResultContent>());
        Assert.Equal("RAW", seen.Result);
    }

    [Fact]
    public async Task WithHook_AddedThroughTheBuilder_ObservesTheTurnAsync()
    {
        var hook = new TurnCounter();
        using var host = Build(agent => agent.UseModel(_ => new ScriptedChatClient().ThenText("ok"), "scripted model").WithHook(hook));

        await Sessions(host).RunTurnAsync(Turn("hi"), TestContext.Current.CancellationToken);

        Assert.Equal(1, hook.Completed);
    }

    [Fact]
    public async Task UseStore_ReplacesTheConfiguredStore_TurnsAreStoredThereAsync()
    {
        var store = new InMemoryConversationStore();
        using var host = Build(agent => agent.UseModel(_ => new ScriptedChatClient().ThenText("ok"), "scripted model").UseStore(_ => store, "test store"));

        await Sessions(host).RunTurnAsync(Turn("hi"), TestContext.Current.CancellationToken);

        Assert.Same(store, host.Services.GetRequiredService<IConversationStore>());
        Assert.Equal(1, (await store.LoadAsync(SessionId, 10, TestContext.Current.CancellationToken)).Header?.TurnCount);
        Assert.Equal("test store", host.Services.GetRequiredService<AgentHostDescription>().Store);
    }

    [Fact]
    public async Task WithToolProvider_AddedThroughTheBuilder_ItsToolsAreOfferedAndTheDenyListStillAppliesAsync()
    {
        var model = new ScriptedChatClient().ThenText("ok");
        var provider = new StaticToolProvider([TestTools.Create("weather", (_, _) => new ValueTask<object?>("sunny")), TestTools.Create("secret_admin", (_, _) => new ValueTask<object?>("x"))]);
        using var host = Build(
            agent => agent.UseModel(_ => model, "scripted model").WithToolProvider(_ => provider),
            new Dictionary<string, string> { ["AGENTHOST_AGENT__TOOLS__DENY"] = "secret_*" });

        await Sessions(host).RunTurnAsync(Turn("hi"), TestContext.Current.CancellationToken);

        var offered = model.Calls[0].Options?.Tools?.Select(t => t.Name).ToList() ?? [];
        Assert.Contains("weather", offered);
        Assert.DoesNotContain("secret_admin", offered);
    }

    private const string SessionId = "builder-session-000000000000000000001";

    private static SessionTurnRequest Turn(string prompt) => new() { SessionId = SessionId, Prompt = prompt };

    private static AgentSessionService Sessions(IHost host) => host.Services.GetRequiredService<AgentSessionService>();

    private static IHost Build(Action<AgentHostBuilder> configure, Dictionary<string, string>? environment = null)
    {
        // The control layer (policy, approvals, audit) has its own composition tests (ControlCompositionTests); these test the builder alone.
        var variables = new Dictionary<string, string>(StringComparer.Ordinal) { ["AGENTHOST_STORE"] = "memory", ["AGENTHOST_DEVGATEWAY"] = "false", ["AGENTHOST_CONTROL"] = "false" };
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

    private sealed class CountingChatClient(IChatClient inner, CountingChatClient.Counts counts) : DelegatingChatClient(inner)
    {
        public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            counts.NonStreaming++;
            return base.GetResponseAsync(messages, options, cancellationToken);
        }

        public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            counts.Streaming++;
            return base.GetStreamingResponseAsync(messages, options, cancellationToken);
        }

        public sealed class Counts
        {
            public int Streaming { get; set; }

            public int NonStreaming { get; set; }
        }
    }

    private sealed class TracingChatClient(IChatClient inner, string name, List<string> log) : DelegatingChatClient(inner)
    {
        public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            log.Add(name);
            return base.GetStreamingResponseAsync(messages, options, cancellationToken);
        }
    }

    private sealed class UpperCaseResults : IToolCallMiddleware
    {
        public async ValueTask<ToolCallOutcome> InvokeAsync(ToolCallContext context, ToolCallHandler next, CancellationToken cancellationToken)
        {
            var outcome = await next(context, cancellationToken);
            return outcome.Result is string text ? outcome.WithResult(text.ToUpperInvariant()) : outcome;
        }
    }

    private sealed class TurnCounter : AgentHook
    {
        public int Completed { get; private set; }

        public override ValueTask OnTurnCompletedAsync(TurnCompletedContext context, CancellationToken cancellationToken)
        {
            Completed++;
            return ValueTask.CompletedTask;
        }
    }
}
