using AgentHost.Supervision;

namespace AgentHost.Hosting.Composition;

/// <summary>The supervision layer of a composed host and its stores; disposing it writes the buffered activity, then closes the stores.</summary>
public sealed class SupervisionHost : IAsyncDisposable
{
    /// <summary>Creates it.</summary>
    public SupervisionHost(SupervisionRegistration stores, SupervisionLayer layer)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(layer);
        Stores = stores;
        Layer = layer;
    }

    /// <summary>The stores.</summary>
    public SupervisionRegistration Stores { get; }

    /// <summary>The layer (publisher, hooks, middleware, guidance, escalation).</summary>
    public SupervisionLayer Layer { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Layer.DisposeAsync();
        Stores.Dispose();
    }
}
