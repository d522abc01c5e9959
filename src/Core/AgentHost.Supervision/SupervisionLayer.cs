using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Supervision;
using AgentHost.Supervision.Activity;
using AgentHost.Supervision.Escalation;
using AgentHost.Supervision.Guidance;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Supervision;

/// <summary>
/// The supervision features composed in one place over the shared stores: the activity publisher with its hook and
/// tool-call middleware (register the middleware outermost), the guidance hook and service, and escalation. The runtime
/// registers <see cref="FeedHook"/>, <see cref="GuidanceHook"/> and <see cref="ToolMiddleware"/>; the console and the CLI
/// use <see cref="Guidance"/>, <see cref="Escalation"/> and the stores.
/// </summary>
public sealed class SupervisionLayer : IAsyncDisposable
{
    /// <summary>Composes the layer.</summary>
    public SupervisionLayer(
        IActivityFeed feed,
        IGuidanceStore guidance,
        IConversationStore? conversations,
        IAuditTrail? audit,
        IApprovalService? approvals,
        SupervisionOptions? options = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(guidance);
        var time = timeProvider ?? TimeProvider.System;
        var loggers = loggerFactory ?? NullLoggerFactory.Instance;
        Options = options ?? new SupervisionOptions();
        Feed = feed;
        GuidanceStore = guidance;
        Publisher = new ActivityPublisher(feed, Options, time, loggers.CreateLogger<ActivityPublisher>());
        FeedHook = new ActivityFeedHook(Publisher, Options, time);
        ToolMiddleware = new ActivityToolCallMiddleware(Publisher, Options, time);
        GuidanceHook = new GuidanceHook(guidance, audit, Options, time, loggers.CreateLogger<GuidanceHook>());
        Guidance = new GuidanceService(guidance, audit, feed, Options, time, loggers.CreateLogger<GuidanceService>());
        Packages = new EscalationPackageBuilder(conversations, feed, guidance, approvals, time);
        Escalation = new EscalationService(Packages, conversations, feed, audit, time, loggers.CreateLogger<EscalationService>());
    }

    /// <summary>The options.</summary>
    public SupervisionOptions Options { get; }

    /// <summary>The activity feed store.</summary>
    public IActivityFeed Feed { get; }

    /// <summary>The guidance store.</summary>
    public IGuidanceStore GuidanceStore { get; }

    /// <summary>The background writer.</summary>
    public ActivityPublisher Publisher { get; }

    /// <summary>The hook publishing turns and messages.</summary>
    public ActivityFeedHook FeedHook { get; }

    /// <summary>The tool-call middleware publishing tool calls (register it outermost).</summary>
    public ActivityToolCallMiddleware ToolMiddleware { get; }

    /// <summary>The hook applying guidance before model calls.</summary>
    public GuidanceHook GuidanceHook { get; }

    /// <summary>Stores guidance (console, CLI).</summary>
    public GuidanceService Guidance { get; }

    /// <summary>Builds escalation packages.</summary>
    public EscalationPackageBuilder Packages { get; }

    /// <summary>Escalates conversations.</summary>
    public EscalationService Escalation { get; }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Publisher.DisposeAsync();
}
