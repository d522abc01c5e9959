using System.Net.Http.Headers;
using System.Text;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Tools;
using AgentHost.AgentCore.Runtime;
using AgentHost.Core.Agents;
using AgentHost.Core.Sessions;
using AgentHost.Storage.Sqlite;
using AgentHost.Testing.Models;
using AgentHost.Testing.Time;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.AgentCore.Runtime.Tests;

/// <summary>The runtime contract on a real Kestrel bound to 127.0.0.1 (ephemeral port), over the scripted model and a SQLite store in a temp folder.</summary>
internal sealed class RuntimeTestHost : IAsyncDisposable
{
    public const string SessionId = "test-session-000000000000000000000000001";

    private readonly string _folder;

    private RuntimeTestHost(WebApplication app, HttpClient client, ScriptedChatClient model, ManualTimeProvider time, IConversationStore store, string folder)
    {
        _folder = folder;
        App = app;
        Client = client;
        Model = model;
        Time = time;
        Store = store;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public ScriptedChatClient Model { get; }

    public ManualTimeProvider Time { get; }

    public IConversationStore Store { get; }

    public static async Task<RuntimeTestHost> StartAsync(
        IEnumerable<AIFunction>? tools = null,
        Action<AgentCoreRuntimeOptions>? configure = null,
        Func<IConversationStore, IConversationStore>? decorateStore = null,
        bool routed = true)
    {
        var model = new ScriptedChatClient();
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var folder = Path.Combine(Path.GetTempPath(), "agenthost-runtime-tests", Guid.NewGuid().ToString("N"));
        IConversationStore store = new SqliteConversationStore(new SqliteConversationStoreOptions { DatabasePath = Path.Combine(folder, "test.db") });
        store = decorateStore?.Invoke(store) ?? store;

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(sp => new AgentLoop(model, new StaticToolProvider(tools ?? []), new AgentOptions { Instructions = "Test agent on {channel}." }, timeProvider: TimeProvider.System));
        builder.Services.AddSingleton(sp => new AgentSessionService(sp.GetRequiredService<AgentLoop>(), store));
        builder.Services.AddAgentCoreRuntime(configure);
        var app = builder.Build();
        if (routed)
        {
            app.MapAgentCoreRuntime();
        }
        else
        {
            app.UseAgentCoreRuntime();
        }

        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        return new RuntimeTestHost(app, client, model, time, store, folder);
    }

    public static HttpRequestMessage Invocation(string body, string? sessionId = SessionId, string accept = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/invocations")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        if (sessionId is not null)
        {
            request.Headers.Add("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", sessionId);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        (Store as IDisposable)?.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
