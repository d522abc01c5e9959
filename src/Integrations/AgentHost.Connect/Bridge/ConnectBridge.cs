using System.Text.Json;
using AgentHost.Connect.Events;
using AgentHost.Connect.Logging;
using AgentHost.Connect.Replies;
using AgentHost.Connect.Routing;
using AgentHost.Connect.Serialization;
using AgentHost.Connect.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Connect.Bridge;

/// <summary>
/// The per-turn bridge: reads a Lex V2 or contact-flow event, first collects a turn an earlier event left running, then
/// runs the customer's new words as a turn within the event's budget, decides the route, and answers in the caller's
/// format. A turn that does not finish in time goes on in the runtime while the customer hears the filler; a runtime
/// failure gives the fallback text and <c>Escalate</c>. Nothing is ever thrown to the caller.
/// </summary>
public sealed class ConnectBridge
{
    private readonly IAgentTurnInvoker _invoker;
    private readonly ConnectBridgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the bridge.</summary>
    /// <param name="invoker">Runs turns on the runtime.</param>
    /// <param name="options">Budgets, texts and routing patterns.</param>
    /// <param name="timeProvider">The clock (default: system).</param>
    /// <param name="logger">The logger (default: none).</param>
    public ConnectBridge(IAgentTurnInvoker invoker, ConnectBridgeOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(options);
        _invoker = invoker;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Handles one event and returns the reply JSON.</summary>
    /// <param name="eventJson">The Lambda event.</param>
    /// <param name="lambdaDeadline">The Lambda invocation's deadline, when known.</param>
    /// <param name="cancellationToken">Cancels waiting on the runtime (the reply is then the fallback).</param>
    /// <returns>The reply: a Lex V2 response or a flat string map.</returns>
    public async Task<byte[]> HandleAsync(ReadOnlyMemory<byte> eventJson, DateTimeOffset? lambdaDeadline, CancellationToken cancellationToken)
    {
        var parsed = ConnectEventParser.Parse(eventJson.Span);
        ContactTurnContext? context = null;
        try
        {
            context = ContactTurnContextFactory.Create(parsed, _options, out var problem);
            if (context is null)
            {
                BridgeLog.Unusable(_logger, parsed.Kind.ToString(), problem ?? "unknown problem.");
                return Write(parsed, null, Fallback(counter: 0, summary: "The assistant could not read the event from Amazon Connect."));
            }

            var replyBy = ReplyBy(context, lambdaDeadline);
            var decision = await DecideAsync(context, replyBy, cancellationToken).ConfigureAwait(false);
            BridgeLog.Handled(_logger, context.Kind.ToString(), context.SessionId, decision.Route.ToString(), decision.Counter, decision.PendingTurnId is null ? "answered" : "pending");
            return Write(parsed, context, decision);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            BridgeLog.Unexpected(_logger, ex, ex.GetType().Name);
            return Write(parsed, context, Fallback(context?.Counter ?? 0, "The assistant failed unexpectedly."));
        }
    }

    /// <summary>The moment the answer must be ready: the earlier of the caller's budget and the Lambda deadline, less the safety margin.</summary>
    /// <param name="context">The contact.</param>
    /// <param name="lambdaDeadline">The Lambda deadline.</param>
    /// <returns>The moment.</returns>
    public DateTimeOffset ReplyBy(ContactTurnContext context, DateTimeOffset? lambdaDeadline)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = _time.GetUtcNow();
        var end = now + context.Budget;
        if (lambdaDeadline is { } deadline && deadline < end)
        {
            end = deadline;
        }

        return end - _options.SafetyMargin;
    }

    private async Task<BridgeDecision> DecideAsync(ContactTurnContext context, DateTimeOffset replyBy, CancellationToken cancellationToken)
    {
        var texts = new List<string>(2);
        var counter = context.Counter;
        if (context.PendingTurnId is { } pendingId && !string.IsNullOrEmpty(context.PendingPrompt))
        {
            var collected = await _invoker.InvokeAsync(Call(context, pendingId, context.PendingPrompt, replyBy), cancellationToken).ConfigureAwait(false);
            switch (collected.Status)
            {
                case AgentTurnStatus.Running:
                    if (context.Utterance.Length > 0)
                    {
                        BridgeLog.InputWhilePending(_logger, pendingId, context.SessionId, context.Utterance.Length);
                    }
                    else
                    {
                        BridgeLog.TurnPending(_logger, pendingId, context.SessionId);
                    }

                    if (context.PendingFillers + 1 > _options.MaxFillers)
                    {
                        BridgeLog.TooSlow(_logger, pendingId, context.SessionId, context.PendingFillers);
                        return Fallback(counter, EscalationSummary.FromSlowTurn(context, counter, _options.SummaryMaxChars));
                    }

                    return new BridgeDecision { Text = _options.FillerText, Route = ConnectRoute.Continue, Counter = counter, PendingTurnId = pendingId, PendingPrompt = context.PendingPrompt, Fillers = context.PendingFillers + 1 };
                case AgentTurnStatus.Failed:
                    return Failed(context, pendingId, collected, counter);
                default:
                    BridgeLog.Collected(_logger, pendingId, context.SessionId);
                    var route = RouteDecider.Decide(collected, _options);
                    if (route.Route != ConnectRoute.Continue || context.Utterance.Length == 0)
                    {
                        return Finished(context, collected, route, counter, []);
                    }

                    texts.Add(collected.Text);
                    break;
            }
        }

        if (context.Utterance.Length == 0)
        {
            return new BridgeDecision { Text = _options.NoInputText, Route = ConnectRoute.Continue, Counter = counter };
        }

        counter++;
        var turnId = TurnIds.Derive(counter, context.Utterance);
        var outcome = await _invoker.InvokeAsync(Call(context, turnId, context.Utterance, replyBy), cancellationToken).ConfigureAwait(false);
        switch (outcome.Status)
        {
            case AgentTurnStatus.Running:
                BridgeLog.TurnPending(_logger, turnId, context.SessionId);
                texts.Add(_options.FillerText);
                return new BridgeDecision { Text = Join(texts), Route = ConnectRoute.Continue, Counter = counter, PendingTurnId = turnId, PendingPrompt = context.Utterance, Fillers = 1 };
            case AgentTurnStatus.Failed:
                return Failed(context, turnId, outcome, counter);
            default:
                return Finished(context, outcome, RouteDecider.Decide(outcome, _options), counter, texts);
        }
    }

    private BridgeDecision Finished(ContactTurnContext context, AgentTurnOutcome outcome, RouteDecision route, int counter, List<string> earlier)
    {
        earlier.Add(outcome.Text);
        var text = Join(earlier);
        return new BridgeDecision
        {
            Text = text,
            Route = route.Route,
            Counter = counter,
            EscalationSummary = route.Route == ConnectRoute.Escalate
                ? EscalationSummary.FromTool(context, route.DecidingCall, outcome.Text, counter, _options.SummaryMaxChars)
                : null,
        };
    }

    private BridgeDecision Failed(ContactTurnContext context, string turnId, AgentTurnOutcome outcome, int counter)
    {
        BridgeLog.TurnFailed(_logger, turnId, context.SessionId, outcome.Failure.ToString(), outcome.FailureDetail);
        return Fallback(counter, EscalationSummary.FromFailure(context, outcome.Failure, counter, _options.SummaryMaxChars));
    }

    private BridgeDecision Fallback(int counter, string summary)
        => new() { Text = _options.FallbackText, Route = ConnectRoute.Escalate, Counter = counter, EscalationSummary = summary };

    private AgentTurnCall Call(ContactTurnContext context, string turnId, string prompt, DateTimeOffset replyBy) => new()
    {
        SessionId = context.SessionId,
        TurnId = turnId,
        Prompt = prompt,
        ReplyBy = replyBy,
        TurnTimeout = _options.TurnTimeout,
        Channel = context.Channel,
        Language = context.Language,
        ContactId = context.ContactId,
        CustomerId = context.CustomerId,
        Attributes = context.Attributes,
    };

    private static string Join(List<string> texts) => string.Join(" ", texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()));

    private byte[] Write(ParsedConnectEvent parsed, ContactTurnContext? context, BridgeDecision decision)
    {
        var queue = _options.EscalationQueue;
        return parsed.Kind == ConnectEventKind.Lex
            ? JsonSerializer.SerializeToUtf8Bytes(LexReplyWriter.Write(parsed.Event, context, decision, _options, queue), ConnectJsonContext.Default.LexResponse)
            : JsonSerializer.SerializeToUtf8Bytes(FlowReplyWriter.Write(context, decision, _options, queue), ConnectJsonContext.Default.DictionaryStringString);
    }
}
