using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Hooks;
using AgentHost.Abstractions.Tools;
using AgentHost.Control.Hooks;
using AgentHost.Core.Agents;
using AgentHost.Core.Sessions;
using AgentHost.Core.Tools;
using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.DependencyInjection;
using AgentHost.Hosting.Configuration;
using AgentHost.Sanitization;
using AgentHost.Sanitization.Replies;
using AgentHost.Sanitization.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Hosting.Composition;

/// <summary>Composes the agent host in one place: model, store, gateway tools and filters, the loop, the session service.</summary>
public static class AgentHostServiceCollectionExtensions
{
    /// <summary>
    /// Composes the agent host: the model pipeline (provider chosen by the settings at the bottom), the conversation store,
    /// the gateway tools and the allow/deny lists, the loop with its tool-call middleware and hooks, and the session service.
    /// Defaults are registered with <c>TryAdd</c>; add or replace anything through the returned <see cref="AgentHostBuilder"/>
    /// (<c>WithModelMiddleware</c>, <c>WithToolMiddleware</c>, <c>WithHook</c>, <c>UseStore</c>, <c>UseModel</c>, <c>WithToolProvider</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="settings">Validated settings.</param>
    /// <param name="configuration">The configuration (for the <c>Gateways</c> section).</param>
    /// <param name="devGateway">The endpoint of a development gateway started by the application, if any.</param>
    /// <returns>The builder.</returns>
    public static AgentHostBuilder AddAgentHost(this IServiceCollection services, AgentHostSettings settings, IConfiguration configuration, Uri? devGateway = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(settings);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(settings);
        services.TryAddSingleton(_ => AgentOptionsFactory.Create(settings.Agent));

        var pipeline = new ModelPipeline();
        services.AddSingleton(pipeline);
        services.TryAddSingleton(sp => new ModelRegistration(ModelFactory.Create(settings, LoggerFactoryOf(sp))));
        services.TryAddSingleton(sp => pipeline.Build(sp.GetRequiredService<ModelRegistration>().Client, sp));
        services.TryAddSingleton(sp => new StoreRegistration(StoreFactory.Create(settings.Store, sp.GetRequiredService<TimeProvider>(), LoggerFactoryOf(sp))));
        services.TryAddSingleton(sp => sp.GetRequiredService<StoreRegistration>().Store);
        if (StoreFactory.UsesDynamoDb(settings.Store) && settings.Store.DynamoDbCreateTable)
        {
            services.AddHostedService<DynamoDbTableBootstrapper>();
        }

        services.AddAgentCoreGateways(options =>
        {
            GatewayComposition.ApplyConfiguration(options, configuration);
            if (devGateway is not null)
            {
                options.Gateways.Add(new GatewayOptions { Name = "devgateway", Url = devGateway, AuthType = GatewayAuthType.None });
            }
        });

        var supervised = settings.Supervisor.Enabled;
        if (supervised)
        {
            // Registered before the control layer, so that its middleware is the outermost: the feed sees every call and
            // its final outcome (denials, approvals, flags). Its hooks are the first hooks.
            services.TryAddSingleton(sp =>
            {
                var loggers = LoggerFactoryOf(sp);
                var stores = SupervisionFactory.CreateStores(settings, loggers);
                var layer = SupervisionFactory.CreateLayer(
                    stores,
                    settings,
                    sp.GetRequiredService<IConversationStore>(),
                    settings.Control.Enabled ? sp.GetRequiredService<ControlRegistration>().Layer.AuditTrail : null,
                    settings.Control.Enabled ? sp.GetRequiredService<ControlRegistration>().Layer.Approvals : null,
                    sp.GetRequiredService<TimeProvider>(),
                    loggers);
                return new SupervisionHost(stores, layer);
            });
            services.AddSingleton<IToolCallMiddleware>(sp => sp.GetRequiredService<SupervisionHost>().Layer.ToolMiddleware);
            services.AddSingleton<AgentHook>(sp => sp.GetRequiredService<SupervisionHost>().Layer.FeedHook);
            services.AddSingleton<AgentHook>(sp => sp.GetRequiredService<SupervisionHost>().Layer.GuidanceHook);
        }

        if (settings.Control.Enabled)
        {
            // The control layer's middleware are registered first, so they are the outermost: every call is audited and
            // decided by the policy before any other middleware or the tool sees it.
            services.TryAddSingleton(sp => ControlFactory.Create(settings, sp.GetRequiredService<TimeProvider>(), LoggerFactoryOf(sp)));
            services.TryAddSingleton(sp => sp.GetRequiredService<ControlRegistration>().Layer);
            services.TryAddSingleton(sp => sp.GetRequiredService<ControlRegistration>().Layer.Approvals);
            services.TryAddSingleton(sp => sp.GetRequiredService<ControlRegistration>().Layer.AuditTrail);
            for (var i = 0; i < 3; i++)
            {
                var index = i;
                services.AddSingleton(sp => sp.GetRequiredService<ControlRegistration>().Layer.Middleware[index]);
            }

            // A model call a guardrail stopped is audited with the guardrail's trace hash.
            services.AddSingleton<AgentHook>(sp => new ContentFilterAuditHook(sp.GetRequiredService<ControlRegistration>().Layer.AuditTrail));
        }

        if (settings.Sanitization.Enabled)
        {
            // Registered after the control layer, so that it is inside it: the audit and the supervisor feed see the sanitised
            // result and its flags; middleware added through the builder are inside it, so their results are sanitised too.
            services.TryAddSingleton(_ => SanitizationFactory.Create(settings.Sanitization));
            services.TryAddSingleton(sp => new ToolResultSanitizer(sp.GetRequiredService<SanitizationOptions>()));
            services.AddSingleton<IToolCallMiddleware>(sp => new SanitizingToolCallMiddleware(
                sp.GetRequiredService<ToolResultSanitizer>(),
                sp.GetRequiredService<SanitizationOptions>(),
                settings.Control.Enabled ? sp.GetRequiredService<ControlRegistration>().Layer.AuditTrail : null,
                sp.GetService<ILogger<SanitizingToolCallMiddleware>>()));
            services.AddSingleton<AgentHook>(sp => new SanitizationHook(sp.GetRequiredService<SanitizationOptions>()));
            if (settings.Sanitization.Replies)
            {
                // The outermost model layer: the loop, the events streamed to the caller and the store get masked replies.
                pipeline.Add((inner, sp) => new ReplyMaskingChatClient(
                    inner,
                    new ReplyMasker(sp.GetRequiredService<SanitizationOptions>()),
                    sp.GetService<ILogger<ReplyMaskingChatClient>>()));
            }
        }

        var filter = new ToolNameFilter(settings.Agent.Tools.Allow, settings.Agent.Tools.Deny);
        services.TryAddSingleton<ITurnIdGenerator, GuidTurnIdGenerator>();
        services.TryAddSingleton(sp => new AgentLoop(
            sp.GetRequiredService<IChatClient>(),
            new FilteredToolProvider(ToolsOf(sp), filter, NamesOf),
            sp.GetRequiredService<AgentOptions>(),
            sp.GetServices<AgentHook>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<AgentLoop>>(),
            sp.GetServices<IToolCallMiddleware>()));
        services.TryAddSingleton(sp => new AgentSessionService(
            sp.GetRequiredService<AgentLoop>(),
            sp.GetRequiredService<IConversationStore>(),
            sp.GetRequiredService<ITurnIdGenerator>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<AgentSessionService>>()));
        services.TryAddSingleton(sp => new AgentHostDescription(
            sp.GetService<ModelRegistration>()?.Description ?? sp.GetRequiredService<IChatClient>().GetType().Name,
            sp.GetService<StoreRegistration>()?.Description ?? sp.GetRequiredService<IConversationStore>().GetType().Name,
            DescribeGateways(configuration, devGateway))
        {
            Control = settings.Control.Enabled ? sp.GetRequiredService<ControlRegistration>().Description : "off (no policy, approvals or audit)",
            Supervision = supervised ? sp.GetRequiredService<SupervisionHost>().Stores.Description : "off (no activity feed or guidance)",
            Sanitization = settings.Sanitization.Enabled ? SanitizationFactory.Describe(sp.GetRequiredService<SanitizationOptions>()) : SanitizationFactory.Describe(new SanitizationOptions { Enabled = false }),
        });
        return new AgentHostBuilder(services, settings, pipeline);
    }

    /// <summary>The tools of the loop: the registered <see cref="IToolProvider"/> (the gateways), then every provider added through the builder.</summary>
    private static IToolProvider ToolsOf(IServiceProvider services)
    {
        var primary = services.GetRequiredService<IToolProvider>();
        var added = services.GetServices<ToolProviderRegistration>().Select(r => r.Provider).ToList();
        return added.Count == 0 ? primary : new CompositeToolProvider([primary, .. added]);
    }

    /// <summary>The <see cref="AITool.AdditionalProperties"/> key under which gateway tools carry their gateway name (<c>target___tool</c>).</summary>
    public const string GatewayToolNameProperty = "gatewayToolName";

    /// <summary>The names a tool is known by for allow/deny lists: its model-facing name and, for gateway tools, its gateway name.</summary>
    public static IEnumerable<string> NamesOf(AITool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        yield return tool.Name;
        if (tool.AdditionalProperties.TryGetValue(GatewayToolNameProperty, out var original) && original is string name && !string.Equals(name, tool.Name, StringComparison.Ordinal))
        {
            yield return name;
        }
    }

    private static string DescribeGateways(IConfiguration configuration, Uri? devGateway)
    {
        var configured = GatewayComposition.CountConfigured(configuration, Environment.GetEnvironmentVariables());
        var parts = new List<string>();
        if (devGateway is not null)
        {
            parts.Add($"development gateway {devGateway}");
        }

        if (configured > 0)
        {
            parts.Add($"{configured} AgentCore gateway(s)");
        }

        return parts.Count == 0 ? "no gateway configured (no tools)" : string.Join(" + ", parts);
    }

    private static ILoggerFactory LoggerFactoryOf(IServiceProvider services) => services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
}
