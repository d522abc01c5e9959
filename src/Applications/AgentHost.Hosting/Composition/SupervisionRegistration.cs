using AgentHost.Abstractions.Supervision;

namespace AgentHost.Hosting.Composition;

/// <summary>The supervision stores chosen at start-up (activity feed and guidance) and their description; disposes a store that holds connections.</summary>
public sealed class SupervisionRegistration : IDisposable
{
    private readonly IDisposable? _owned;

    /// <summary>Creates the registration.</summary>
    public SupervisionRegistration(IActivityFeed feed, IGuidanceStore guidance, string description, IDisposable? owned = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(guidance);
        Feed = feed;
        Guidance = guidance;
        Description = description;
        _owned = owned;
    }

    /// <summary>The activity feed.</summary>
    public IActivityFeed Feed { get; }

    /// <summary>The guidance store.</summary>
    public IGuidanceStore Guidance { get; }

    /// <summary>What it is, for the start-up line and <c>config show</c>.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public void Dispose() => _owned?.Dispose();
}
