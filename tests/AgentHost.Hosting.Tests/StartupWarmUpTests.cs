using AgentHost.Abstractions.Agents;
using AgentHost.Core.Sessions;
using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using AgentHost.Hosting.Startup;
using AgentHost.Testing.Models;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentHost.Hosting.Tests;

/// <summary>Start-up opens the SQLite control and supervision stores in the background, so the first turn does not pay for it; nothing is written.</summary>
public sealed class StartupWarmUpTests
{
    [Fact]
    public async Task CompleteAsync_SqliteStores_OpensTheControlAndSupervisionDatabasesBeforeAnyTurnAsync()
    {
        using var folder = new TempDirectory();
        var database = Path.Combine(folder.Path, "agenthost.db");
        using var host = Build(new() { ["AGENTHOST_SQLITE_PATH"] = database });

        await AgentHostStartup.CompleteAsync(host.Services, TestContext.Current.CancellationToken);

        var control = Path.Combine(folder.Path, "agenthost.control.db");
        var supervision = Path.Combine(folder.Path, "agenthost.supervisor.db");
        // Each store's schema is created in write-ahead-log mode, so its -wal file appears once it is open.
        await WaitUntilAsync(() => File.Exists(control + "-wal") && File.Exists(supervision + "-wal"));
        Assert.True(File.Exists(control));
        Assert.True(File.Exists(supervision));
    }

    [Fact]
    public async Task CompleteAsync_ControlDatabaseCannotBeOpened_StartsAndTheFirstToolCallIsDeniedAsync()
    {
        using var folder = new TempDirectory();
        var blocker = folder.Write("not-a-folder", "a file where the control database's folder should be");
        var model = new ScriptedChatClient().ThenToolCalls(Responses.Call("c1", "crm___lookup")).ThenText("Sorry.");
        var runs = 0;
        using var host = Build(
            new()
            {
                ["AGENTHOST_SQLITE_PATH"] = Path.Combine(folder.Path, "agenthost.db"),
                ["AGENTHOST_CONTROL_SQLITE_PATH"] = Path.Combine(blocker, "control.db"),
            },
            model,
            TestTools.Create("crm___lookup", (_, _) => { runs++; return new ValueTask<object?>("found"); }, additionalProperties: new Dictionary<string, object?> { ["readOnlyHint"] = true }));

        await AgentHostStartup.CompleteAsync(host.Services, TestContext.Current.CancellationToken);
        var result = await host.Services.GetRequiredService<AgentSessionService>().RunTurnAsync(new SessionTurnRequest { SessionId = "s-warm-broken", Prompt = "look it up" }, TestContext.Current.CancellationToken);

        Assert.Equal(0, runs);
        Assert.Equal(ToolCallStatus.Denied, Assert.Single(result.Outcome.ToolCalls).Status);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "the background warm-up did not open the stores within 5 s");
    }

    private static IHost Build(Dictionary<string, string> environment, ScriptedChatClient? model = null, params AIFunction[] tools)
    {
        environment["AGENTHOST_DEVGATEWAY"] = "false";
        var configuration = AgentHostConfiguration.Build(environment: environment);
        var settings = AgentHostSettingsLoader.Load(configuration);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var agent = builder.Services.AddAgentHost(settings, configuration).UseModel(_ => model ?? new ScriptedChatClient(), "scripted model");
        if (tools.Length > 0)
        {
            agent.WithTools(tools);
        }

        return builder.Build();
    }
}
