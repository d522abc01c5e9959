using System.Diagnostics.CodeAnalysis;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Hooks;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Tools;
using AgentHost.Hosting.Configuration;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Hosting.Composition;

/// <summary>
/// Adds to the agent host composed by <see cref="AgentHostServiceCollectionExtensions.AddAgentHost"/>, in one place: model
/// middleware (M.E.AI <see cref="DelegatingChatClient"/>s, logging, OpenTelemetry), tool-call middleware, hooks, the store,
/// the model provider and further tool providers. Every method returns the builder, so registrations chain.
/// </summary>
/// <remarks>
/// Order matters where it says so: model middleware and tool-call middleware run in registration order, the first registered
/// outermost; hooks run "before" callbacks in registration order and "after" callbacks in reverse.
/// </remarks>
public sealed class AgentHostBuilder
{
    internal AgentHostBuilder(IServiceCollection services, AgentHostSettings settings, ModelPipeline modelPipeline)
    {
        Services = services;
        Settings = settings;
        ModelPipeline = modelPipeline;
    }

    /// <summary>The services the host is composed in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The validated settings the host was composed from.</summary>
    public AgentHostSettings Settings { get; }

    /// <summary>The model pipeline (provider at the bottom, middleware above it).</summary>
    public ModelPipeline ModelPipeline { get; }

    /// <summary>Adds a model middleware layer, e.g. <c>WithModelMiddleware(inner =&gt; new MyChatClient(inner))</c>.</summary>
    public AgentHostBuilder WithModelMiddleware(Func<IChatClient, IChatClient> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        ModelPipeline.Add((inner, _) => middleware(inner));
        return this;
    }

    /// <summary>Adds a model middleware layer that needs services, e.g. a logger.</summary>
    public AgentHostBuilder WithModelMiddleware(Func<IChatClient, IServiceProvider, IChatClient> middleware)
    {
        ModelPipeline.Add(middleware);
        return this;
    }

    /// <summary>
    /// Adds M.E.AI's <see cref="LoggingChatClient"/> (category <c>AgentHost.Model</c>): one entry per model call at
    /// <c>Debug</c>. Sensitive: at <c>Trace</c> it logs messages and responses in full, so never enable <c>Trace</c> for that
    /// category where conversations hold personal data.
    /// </summary>
    public AgentHostBuilder WithModelLogging()
    {
        ModelPipeline.Add((inner, services) =>
            new LoggingChatClient(inner, (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger("AgentHost.Model")));
        return this;
    }

    /// <summary>
    /// Adds M.E.AI's <see cref="OpenTelemetryChatClient"/>: a <c>chat</c> span and the GenAI metrics per model call, following
    /// the OpenTelemetry GenAI semantic conventions. Message contents are not recorded unless <paramref name="configure"/>
    /// sets <see cref="OpenTelemetryChatClient.EnableSensitiveData"/>.
    /// </summary>
    /// <param name="sourceName">The ActivitySource and Meter name. Default: M.E.AI's.</param>
    /// <param name="configure">Configures the client.</param>
    public AgentHostBuilder WithModelTelemetry(string? sourceName = null, Action<OpenTelemetryChatClient>? configure = null)
    {
        ModelPipeline.Add((inner, services) =>
        {
            var client = new OpenTelemetryChatClient(inner, services.GetService<ILoggerFactory>()?.CreateLogger("AgentHost.Model"), sourceName);
            configure?.Invoke(client);
            return client;
        });
        return this;
    }

    /// <summary>Replaces the model provider at the bottom of the pipeline (the middleware stays above it).</summary>
    /// <param name="factory">Creates the provider.</param>
    /// <param name="description">What it is, for the start-up line and <c>config show</c>.</param>
    public AgentHostBuilder UseModel(Func<IServiceProvider, IChatClient> factory, string description)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Services.Replace(ServiceDescriptor.Singleton(sp => new ModelRegistration((factory(sp), description))));
        return this;
    }

    /// <summary>Adds a tool-call middleware (see <see cref="IToolCallMiddleware"/>), created by the container.</summary>
    public AgentHostBuilder WithToolMiddleware<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TMiddleware>()
        where TMiddleware : class, IToolCallMiddleware
    {
        Services.AddSingleton<IToolCallMiddleware, TMiddleware>();
        return this;
    }

    /// <summary>Adds a tool-call middleware instance.</summary>
    public AgentHostBuilder WithToolMiddleware(IToolCallMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        Services.AddSingleton(middleware);
        return this;
    }

    /// <summary>Adds a tool-call middleware created from services.</summary>
    public AgentHostBuilder WithToolMiddleware(Func<IServiceProvider, IToolCallMiddleware> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>Adds a tool-call middleware written as a delegate: <c>(context, next, cancellationToken) =&gt; ...</c>.</summary>
    public AgentHostBuilder WithToolMiddleware(Func<ToolCallContext, ToolCallHandler, CancellationToken, ValueTask<ToolCallOutcome>> middleware) =>
        WithToolMiddleware(new DelegateToolCallMiddleware(middleware));

    /// <summary>Adds a hook, created by the container.</summary>
    public AgentHostBuilder WithHook<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THook>()
        where THook : AgentHook
    {
        Services.AddSingleton<AgentHook, THook>();
        return this;
    }

    /// <summary>Adds a hook instance.</summary>
    public AgentHostBuilder WithHook(AgentHook hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        Services.AddSingleton(hook);
        return this;
    }

    /// <summary>Replaces the conversation store chosen by the settings.</summary>
    /// <param name="factory">Creates the store.</param>
    /// <param name="description">What it is, for the start-up line.</param>
    public AgentHostBuilder UseStore(Func<IServiceProvider, IConversationStore> factory, string description)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Services.Replace(ServiceDescriptor.Singleton(sp => new StoreRegistration((factory(sp), description))));
        return this;
    }

    /// <summary>Adds a tool provider whose tools are offered beside the gateway tools (the allow/deny lists apply to them too).</summary>
    public AgentHostBuilder WithToolProvider(Func<IServiceProvider, IToolProvider> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        Services.AddSingleton(sp => new ToolProviderRegistration(factory(sp)));
        return this;
    }

    /// <summary>Adds local functions as tools, offered on every model call beside the gateway tools.</summary>
    public AgentHostBuilder WithTools(params AIFunction[] functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var provider = new StaticToolProvider(functions);
        return WithToolProvider(_ => provider);
    }
}
