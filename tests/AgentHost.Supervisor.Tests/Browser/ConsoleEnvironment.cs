using AgentHost.Abstractions.Control;
using AgentHost.Control;
using AgentHost.Control.Policy;
using AgentHost.Storage.Sqlite;
using AgentHost.Supervision;
using AgentHost.Testing.Control;
using AgentHost.Testing.Supervision;
using Microsoft.Playwright;

namespace AgentHost.Supervisor.Tests.Browser;

/// <summary>
/// A runtime and a console that share nothing but SQLite files, as two processes would: the "runtime" is a
/// <see cref="SupervisedTestHost"/> (scripted model, tools, control layer, supervision) on one set of store instances, the
/// console opens its own instances of the same files and listens on 127.0.0.1 on a free port (development mode).
/// </summary>
public sealed class ConsoleEnvironment : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "agenthost-supervisor-tests", Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _owned = [];

    private ConsoleEnvironment()
    {
    }

    public SupervisedTestHost Runtime { get; private set; } = null!;

    public SupervisorConsole Console { get; private set; } = null!;

    public SupervisionLayer ConsoleSupervision { get; private set; } = null!;

    public ControlLayer ConsoleControl { get; private set; } = null!;

    public string BaseUrl => Console.Address.ToString().TrimEnd('/');

    public string Token => Console.DevelopmentTokenValue!;

    public static async Task<ConsoleEnvironment> StartAsync(SupervisorConsoleOptions? options = null, SupervisionOptions? runtimeOptions = null)
    {
        var environment = new ConsoleEnvironment();
        await environment.StartCoreAsync(options ?? new SupervisorConsoleOptions { Url = "http://127.0.0.1:0" }, runtimeOptions);
        return environment;
    }

    /// <summary>A new browser context signed in through the development link, and a page in it.</summary>
    public async Task<(IBrowserContext Context, IPage Page)> SignedInPageAsync(IBrowser browser, string? token = null)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync($"{BaseUrl}/login?token={token ?? Token}");
        return (context, page);
    }

    public async ValueTask DisposeAsync()
    {
        await Console.DisposeAsync();
        await ConsoleSupervision.DisposeAsync();
        await Runtime.DisposeAsync();
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task StartCoreAsync(SupervisorConsoleOptions options, SupervisionOptions? runtimeOptions)
    {
        var conversations = Path.Combine(_folder, "agenthost.db");
        var control = SqliteControlStore.DefaultPathFor(conversations);
        var supervision = SqliteSupervisionStore.DefaultPathFor(conversations);

        // The runtime's own store instances.
        var runtimeConversations = Own(new SqliteConversationStore(new SqliteConversationStoreOptions { DatabasePath = conversations }));
        var runtimeControl = Own(new SqliteControlStore(new SqliteConversationStoreOptions { DatabasePath = control }));
        var runtimeSupervision = Own(new SqliteSupervisionStore(new SqliteConversationStoreOptions { DatabasePath = supervision }));
        Runtime = new SupervisedTestHost(
            feed: runtimeSupervision,
            guidance: runtimeSupervision,
            conversations: runtimeConversations,
            control: new ControlStores(runtimeControl, runtimeControl, runtimeControl),
            options: runtimeOptions ?? new SupervisionOptions { FlushInterval = TimeSpan.FromMilliseconds(100) });

        // The console's: other instances over the same files (another process, as far as SQLite can tell).
        var consoleConversations = Own(new SqliteConversationStore(new SqliteConversationStoreOptions { DatabasePath = conversations }));
        var consoleControl = Own(new SqliteControlStore(new SqliteConversationStoreOptions { DatabasePath = control }));
        var consoleSupervision = Own(new SqliteSupervisionStore(new SqliteConversationStoreOptions { DatabasePath = supervision }));
        ConsoleControl = new ControlLayer(PolicyLoader.Parse(System.Text.Encoding.UTF8.GetBytes(SupervisedTestHost.Policy), "test-policy.json"), consoleControl, consoleControl, consoleControl);
        ConsoleSupervision = new SupervisionLayer(consoleSupervision, consoleSupervision, consoleConversations, ConsoleControl.AuditTrail, ConsoleControl.Approvals);
        Console = SupervisorConsole.Create(new SupervisorConsoleServices(ConsoleSupervision, ConsoleControl.Approvals, consoleControl, TimeProvider.System), options);
        await Console.StartAsync(TestContext.Current.CancellationToken);
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>The audit records of a session, as the console's stores see them.</summary>
    public async Task<IReadOnlyList<AuditRecord>> AuditAsync(string sessionId)
    {
        var list = new List<AuditRecord>();
        await foreach (var record in ConsoleControl.AuditTrail.ReadAsync(sessionId, TestContext.Current.CancellationToken))
        {
            list.Add(record);
        }

        return list;
    }
}
