using Microsoft.Extensions.AI;

namespace AgentHost.Hosting.Composition;

/// <summary>
/// The model as one <see cref="ChatClientBuilder"/> pipeline, composed in one place: the provider (Bedrock, offline, or one
/// chosen with <see cref="AgentHostBuilder.UseModel"/>) at the bottom and the middleware above it, the first added outermost
/// (it sees every call first and every response last). Filled through <see cref="AgentHostBuilder"/>.
/// </summary>
public sealed class ModelPipeline
{
    private readonly List<Func<IChatClient, IServiceProvider, IChatClient>> _layers = [];

    /// <summary>How many middleware layers sit above the provider.</summary>
    public int Count => _layers.Count;

    /// <summary>Adds a layer above those added before it and below those added after it.</summary>
    /// <param name="layer">Wraps the client below it, e.g. <c>(inner, services) =&gt; new MyDelegatingChatClient(inner)</c>.</param>
    public void Add(Func<IChatClient, IServiceProvider, IChatClient> layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        _layers.Add(layer);
    }

    /// <summary>Builds the pipeline over <paramref name="provider"/>.</summary>
    public IChatClient Build(IChatClient provider, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (_layers.Count == 0)
        {
            return provider;
        }

        var builder = new ChatClientBuilder(provider);
        foreach (var layer in _layers)
        {
            builder.Use(layer);
        }

        return builder.Build(services);
    }
}
