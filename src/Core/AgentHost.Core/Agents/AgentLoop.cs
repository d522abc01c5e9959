using System.Runtime.CompilerServices;
using System.Threading.Channels;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Hooks;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Hooks;
using AgentHost.Core.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Core.Agents;

/// <summary>
/// The Strands-style agent loop: call the model with the conversation and the tools, run every tool call it asks for
/// (concurrently, each with a timeout), give the results back, and repeat until the model stops or a limit ends the turn.
/// </summary>
/// <remarks>
/// A turn never throws for model, tool or hook failures: it ends with a <see cref="StopReason"/> and its messages are
/// always consistent (every tool call has a result). The instance is thread-safe and meant to be shared; each call to
/// <see cref="RunStreamingAsync"/> runs an independent turn.
/// </remarks>
public sealed partial class AgentLoop
{
    private readonly IChatClient _chatClient;
    private readonly IToolProvider _tools;
    private readonly AgentOptions _options;
    private readonly HookPipeline _hooks;
    private readonly ToolCallHandler _toolPipeline;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the loop.</summary>
    /// <param name="chatClient">The model.</param>
    /// <param name="tools">The tools (may be <see cref="StaticToolProvider.Empty"/>).</param>
    /// <param name="options">The agent definition and limits.</param>
    /// <param name="hooks">Hooks, in registration order. Null for none.</param>
    /// <param name="timeProvider">Time source for deadlines and timeouts. Default: <see cref="TimeProvider.System"/>.</param>
    /// <param name="logger">Logger. Default: none.</param>
    /// <param name="toolMiddleware">Middleware every tool call passes, the first registered outermost (see <see cref="IToolCallMiddleware"/>). Null for none.</param>
    public AgentLoop(
        IChatClient chatClient,
        IToolProvider tools,
        AgentOptions options,
        IEnumerable<AgentHook>? hooks = null,
        TimeProvider? timeProvider = null,
        ILogger<AgentLoop>? logger = null,
        IEnumerable<IToolCallMiddleware>? toolMiddleware = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(tools);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Limits.MaxCycles < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Limits.MaxCycles, "Agent:Limits:MaxCycles must be at least 1.");
        }

        if (options.Limits.MaxConcurrentToolCalls < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Limits.MaxConcurrentToolCalls, "Agent:Limits:MaxConcurrentToolCalls must be at least 1.");
        }

        _chatClient = chatClient;
        _tools = tools;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _hooks = new HookPipeline(hooks ?? [], _logger);
        _time = timeProvider ?? TimeProvider.System;
        _toolPipeline = ToolCallPipeline.Build(toolMiddleware?.ToArray() ?? [], InvokeToolAsync);
        var metadata = chatClient.GetService<ChatClientMetadata>();
        ProviderName = metadata?.ProviderName;
        ModelId = string.IsNullOrWhiteSpace(options.Model.ModelId) ? metadata?.DefaultModelId : options.Model.ModelId;
    }

    /// <summary>The agent definition this loop runs.</summary>
    public AgentOptions Options => _options;

    /// <summary>The model provider's name (<c>ChatClientMetadata.ProviderName</c>, e.g. <c>aws.bedrock</c>), for telemetry.</summary>
    internal string? ProviderName { get; }

    /// <summary>The model id the turns request, for telemetry.</summary>
    internal string? ModelId { get; }

    /// <summary>
    /// Runs one turn and streams its events. The last event is always a <see cref="TurnFinishedEvent"/>.
    /// Stopping the enumeration early cancels the turn.
    /// </summary>
    public async IAsyncEnumerable<AgentEvent> RunStreamingAsync(AgentTurnRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = Channel.CreateUnbounded<AgentEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
        using var consumerGone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await RunTurnAsync(request, channel.Writer, consumerGone.Token);
                }
                finally
                {
                    channel.Writer.TryComplete();
                }
            },
            CancellationToken.None);

        try
        {
            while (await channel.Reader.WaitToReadAsync(CancellationToken.None))
            {
                while (channel.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            if (!producer.IsCompleted)
            {
                await consumerGone.CancelAsync();
            }

            await producer;
        }
    }

    /// <summary>
    /// Runs one turn to completion and returns its result. Runs inline on the caller's flow (no event channel): use
    /// <see cref="RunStreamingAsync"/> to observe text deltas and tool calls as they happen.
    /// </summary>
    public async Task<AgentTurnResult> RunAsync(AgentTurnRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sink = new TurnResultWriter();
        await RunTurnAsync(request, sink, cancellationToken);
        return sink.Result ?? throw new InvalidOperationException("The turn ended without a result.");
    }
}
