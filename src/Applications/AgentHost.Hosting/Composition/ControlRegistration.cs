using AgentHost.Control;

namespace AgentHost.Hosting.Composition;

/// <summary>The control layer chosen at start-up (policy and stores) and its description; disposes a store that holds connections.</summary>
public sealed class ControlRegistration : IDisposable
{
    private readonly IDisposable? _owned;

    /// <summary>Creates the registration.</summary>
    public ControlRegistration(ControlLayer layer, string description, IDisposable? owned = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Layer = layer;
        Description = description;
        _owned = owned;
    }

    /// <summary>The layer: policy, stores, approval service, audit trail, middleware.</summary>
    public ControlLayer Layer { get; }

    /// <summary>What it is (policy source, mode, stores), for the start-up line and <c>config show</c>.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public void Dispose() => _owned?.Dispose();
}
