using Microsoft.Extensions.AI;

namespace AgentHost.Hosting.Composition;

/// <summary>The model client chosen at start-up and its description.</summary>
public sealed class ModelRegistration : IDisposable
{
    /// <summary>Creates the registration.</summary>
    public ModelRegistration((IChatClient Client, string Description) model)
    {
        (Client, Description) = model;
    }

    /// <summary>The client.</summary>
    public IChatClient Client { get; }

    /// <summary>What it is.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public void Dispose() => Client.Dispose();
}
