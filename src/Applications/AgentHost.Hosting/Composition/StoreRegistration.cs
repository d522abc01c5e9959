using AgentHost.Abstractions.Conversations;

namespace AgentHost.Hosting.Composition;

/// <summary>The conversation store chosen at start-up and its description.</summary>
public sealed class StoreRegistration : IDisposable
{
    /// <summary>Creates the registration.</summary>
    public StoreRegistration((IConversationStore Store, string Description) store)
    {
        (Store, Description) = store;
    }

    /// <summary>The store.</summary>
    public IConversationStore Store { get; }

    /// <summary>What it is.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public void Dispose() => (Store as IDisposable)?.Dispose();
}
