using System.CommandLine;
using AgentHost.Hosting.Composition;
using AgentHost.Hosting.Configuration;
using AgentHost.Supervision;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Cli.Commands;

/// <summary>Opens the supervision stores the way the host does (from the same settings), with the conversation store and the control layer, for <c>sessions watch|guide</c>.</summary>
internal sealed class SupervisionCommandSupport : IAsyncDisposable
{
    private readonly StoreRegistration _conversations;
    private readonly ControlRegistration? _control;
    private readonly SupervisionRegistration _stores;

    private SupervisionCommandSupport(AgentHostSettings settings)
    {
        _conversations = new StoreRegistration(StoreFactory.Create(settings.Store, TimeProvider.System, NullLoggerFactory.Instance));
        _control = settings.Control.Enabled ? ControlFactory.Create(settings, TimeProvider.System, NullLoggerFactory.Instance) : null;
        _stores = SupervisionFactory.CreateStores(settings, NullLoggerFactory.Instance);
        Layer = SupervisionFactory.CreateLayer(_stores, settings, _conversations.Store, _control?.Layer.AuditTrail, _control?.Layer.Approvals, TimeProvider.System, NullLoggerFactory.Instance);
    }

    public SupervisionLayer Layer { get; }

    /// <summary>The control layer, or null when it is off.</summary>
    public ControlRegistration? Control => _control;

    /// <summary>The SQLite supervision store, when the settings use SQLite (for the retention purge).</summary>
    public AgentHost.Storage.Sqlite.SqliteSupervisionStore? Sqlite => _stores.Feed as AgentHost.Storage.Sqlite.SqliteSupervisionStore;

    /// <summary>The settings the stores were opened with.</summary>
    public AgentHostSettings? Settings { get; private init; }

    public static SupervisionCommandSupport Open(GlobalOptions global, ParseResult parse)
    {
        var (_, settings) = global.Load(parse);
        return new SupervisionCommandSupport(settings) { Settings = settings };
    }

    public async ValueTask DisposeAsync()
    {
        await Layer.DisposeAsync();
        _stores.Dispose();
        _control?.Dispose();
        _conversations.Dispose();
    }
}
