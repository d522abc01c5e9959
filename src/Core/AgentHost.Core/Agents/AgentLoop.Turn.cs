using System.Threading.Channels;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Hooks;
using AgentHost.Abstractions.Models;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Conversations;
using AgentHost.Core.Diagnostics;
using AgentHost.Core.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Agents;

public sealed partial class AgentLoop
{
    private async Task RunTurnAsync(AgentTurnRequest request, ChannelWriter<AgentEvent> events, CancellationToken cancellationToken)
    {
        var window = _options.Window;
        var history = ConversationWindow.Trim(request.History, request.History.Count, window.MaxMessages, window.MaxApproxTokens);
        var conversation = new List<ChatMessage>(history.Count + 8);
        conversation.AddRange(history);
        conversation.Add(request.UserMessage);
        var state = new TurnState(request, conversation, history.Count);

        using var deadlineCts = CreateDeadlineSource(request);
        using var turnCts = deadlineCts is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineCts.Token);
        var turnToken = turnCts.Token;

        StopReason stopReason;
        string? errorMessage = null;
        Exception? failure = null;
        LogTurnStarting(_logger, request.Context.SessionId, request.Context.TurnId);
        try
        {
            await _hooks.TurnStartingAsync(new TurnStartingContext(state.Invocation, state.Items, request.UserMessage, history), turnToken);
            await AddMessageAsync(state, request.UserMessage, addToConversation: false, turnToken);
            await ResumeSuspendedCallsAsync(state, events, turnToken);
            stopReason = await RunCyclesAsync(state, events, turnToken);
        }
        catch (OperationCanceledException) when (turnToken.IsCancellationRequested)
        {
            stopReason = cancellationToken.IsCancellationRequested ? StopReason.Cancelled : StopReason.Deadline;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            failure = ex;
            stopReason = StopReason.Error;
            TurnTelemetry.RecordLoopFailure(ex);
            errorMessage = ex.Message;
            LogTurnFailed(_logger, ex, request.Context.SessionId, ex.GetType().Name);
            events.TryWrite(new AgentErrorEvent(ex.Message, ex.GetType().Name));
        }

        CloseDanglingToolCalls(state);
        var text = LastAssistantText(state);
        if (text.Length == 0 && state.PendingCalls.Count > 0)
        {
            text = state.PendingCalls[0].Suspension.CustomerMessage ?? string.Empty;
        }

        var outcome = new TurnOutcome(
            text,
            stopReason,
            state.ToolCalls.ToArray(),
            state.Usage,
            state.Cycles,
            errorMessage,
            state.PendingCalls.Count > 0 ? state.PendingCalls.ToArray() : null);
        var result = new AgentTurnResult(outcome, state.NewMessages.ToArray());
        await _hooks.TurnCompletedAsync(new TurnCompletedContext(state.Invocation, state.Items, result, failure), CancellationToken.None);
        LogTurnFinished(_logger, request.Context.SessionId, stopReason.ToWireName(), state.Cycles, state.ToolCalls.Count);
        events.TryWrite(new TurnFinishedEvent(result));
    }

    private CancellationTokenSource? CreateDeadlineSource(AgentTurnRequest request)
    {
        var now = _time.GetUtcNow();
        DateTimeOffset? deadline = request.Deadline;
        if (_options.Limits.TurnTimeout is { } timeout)
        {
            var byTimeout = now + timeout;
            deadline = deadline is null || byTimeout < deadline ? byTimeout : deadline;
        }

        if (deadline is null)
        {
            return null;
        }

        var remaining = deadline.Value - now;
        return new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, _time);
    }

    private async Task<StopReason> RunCyclesAsync(TurnState state, ChannelWriter<AgentEvent> events, CancellationToken turnToken)
    {
        var limits = _options.Limits;
        while (true)
        {
            if (state.Cycles >= limits.MaxCycles)
            {
                return StopReason.MaxCycles;
            }

            if (limits.MaxTokens is { } maxTokens && state.Usage.TotalTokens >= maxTokens)
            {
                return StopReason.MaxTokens;
            }

            turnToken.ThrowIfCancellationRequested();
            state.Cycles++;
            var response = await CallModelAsync(state, events, turnToken);
            var assistant = MergeAssistantMessages(response);
            await AddMessageAsync(state, assistant, addToConversation: true, turnToken);

            var calls = new List<FunctionCallContent>();
            foreach (var content in assistant.Contents)
            {
                if (content is FunctionCallContent call)
                {
                    calls.Add(call);
                }
            }

            if (calls.Count == 0)
            {
                return MapFinishReason(response.FinishReason);
            }

            var results = await ExecuteToolCallsAsync(state, calls, events, turnToken);
            await AddMessageAsync(state, new ChatMessage(ChatRole.Tool, results), addToConversation: true, turnToken);

            if (state.InterruptReason is not null)
            {
                return StopReason.Interrupted;
            }

            if (state.PendingCalls.Count > 0)
            {
                // A middleware suspended a call: the turn ends here; a later invocation resumes it.
                return state.PendingCalls[0].Suspension.StopReason;
            }

            turnToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<ChatResponse> CallModelAsync(TurnState state, ChannelWriter<AgentEvent> events, CancellationToken turnToken)
    {
        var window = _options.Window;
        var budget = window.MaxApproxTokens;
        for (var attempt = 0; ; attempt++)
        {
            var prompt = ConversationWindow.Trim(state.Conversation, state.TurnStart, window.MaxMessages, budget);
            var tools = await _tools.GetToolsAsync(new ToolSelectionContext(state.Invocation, prompt, state.Cycles), turnToken);
            var options = BuildChatOptions(state, tools);
            var callMessages = new List<ChatMessage>(prompt);
            var calling = new ModelCallingContext(state.Invocation, state.Items, state.Cycles, callMessages, options);
            await _hooks.ModelCallingAsync(calling, turnToken);
            foreach (var added in calling.AddedToConversation)
            {
                await AddMessageAsync(state, added, addToConversation: true, turnToken);
            }

            var started = _time.GetTimestamp();
            ChatResponse? response = null;
            Exception? error = null;
            var streamedText = false;
            try
            {
                var updates = new List<ChatResponseUpdate>();
                await foreach (var update in _chatClient.GetStreamingResponseAsync(callMessages, options, turnToken))
                {
                    updates.Add(update);
                    var text = update.Text;
                    if (!string.IsNullOrEmpty(text))
                    {
                        streamedText = true;
                        events.TryWrite(new TextDeltaEvent(text, state.Cycles));
                    }
                }

                response = updates.ToChatResponse();
                return response;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                error = ex;
                if (ex is ModelContextOverflowException && attempt == 0 && !streamedText && state.TurnStart > 0)
                {
                    // Trim the history harder and retry once.
                    LogContextOverflow(_logger, state.Invocation.SessionId);
                    budget = Math.Max(1, ConversationWindow.EstimateTokensOf(state.Conversation, state.TurnStart) / 2);
                    continue;
                }

                throw;
            }
            finally
            {
                if (response is not null)
                {
                    state.Usage += ToTokenUsage(response.Usage);
                }

                await _hooks.ModelCalledAsync(
                    new ModelCalledContext(state.Invocation, state.Items, state.Cycles, response, error, _time.GetElapsedTime(started)),
                    CancellationToken.None);
            }
        }
    }

    private ChatOptions BuildChatOptions(TurnState state, IReadOnlyList<AITool> tools)
    {
        var model = _options.Model;
        var instructions = state.Request.Instructions ?? _options.Instructions;
        return new ChatOptions
        {
            ModelId = model.ModelId,
            Instructions = string.IsNullOrWhiteSpace(instructions) ? null : instructions,
            Temperature = model.Temperature,
            TopP = model.TopP,
            MaxOutputTokens = model.MaxOutputTokens,
            StopSequences = model.StopSequences.Count > 0 ? [.. model.StopSequences] : null,
            Tools = tools.Count > 0 ? [.. tools] : null,
            ToolMode = tools.Count > 0 ? ChatToolMode.Auto : null,
            AllowMultipleToolCalls = true,
        };
    }

    private async ValueTask AddMessageAsync(TurnState state, ChatMessage message, bool addToConversation, CancellationToken turnToken)
    {
        if (addToConversation)
        {
            state.Conversation.Add(message);
        }

        await _hooks.MessageAddedAsync(new MessageAddedContext(state.Invocation, state.Items, message), turnToken);
    }

    private static ChatMessage MergeAssistantMessages(ChatResponse response)
    {
        if (response.Messages.Count == 1)
        {
            return response.Messages[0];
        }

        var merged = new ChatMessage(ChatRole.Assistant, response.Messages.SelectMany(m => m.Contents).ToList())
        {
            MessageId = response.ResponseId,
        };
        return merged;
    }

    private static StopReason MapFinishReason(ChatFinishReason? reason)
    {
        if (reason == ChatFinishReason.Length)
        {
            return StopReason.MaxTokens;
        }

        if (reason == ChatFinishReason.ContentFilter)
        {
            return StopReason.ContentFiltered;
        }

        return StopReason.EndTurn;
    }

    private static TokenUsage ToTokenUsage(UsageDetails? usage)
    {
        if (usage is null)
        {
            return TokenUsage.Zero;
        }

        var input = usage.InputTokenCount ?? 0;
        var output = usage.OutputTokenCount ?? 0;
        return new TokenUsage(input, output, usage.TotalTokenCount ?? (input + output));
    }

    private static string LastAssistantText(TurnState state)
    {
        for (var i = state.Conversation.Count - 1; i >= state.TurnStart; i--)
        {
            var message = state.Conversation[i];
            if (message.Role == ChatRole.Assistant && !string.IsNullOrEmpty(message.Text))
            {
                return message.Text;
            }
        }

        return string.Empty;
    }

    /// <summary>Gives every tool call of the turn that has no result a cancelled result, so the stored conversation stays valid.</summary>
    private static void CloseDanglingToolCalls(TurnState state)
    {
        // Plain loops: this runs at the end of every turn, and almost always finds nothing.
        HashSet<string>? answered = null;
        List<FunctionCallContent>? calls = null;
        foreach (var message in state.NewMessages)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionResultContent result)
                {
                    (answered ??= new HashSet<string>(StringComparer.Ordinal)).Add(result.CallId);
                }
                else if (content is FunctionCallContent call)
                {
                    (calls ??= []).Add(call);
                }
            }
        }

        if (calls is null)
        {
            return;
        }

        var missing = answered is null ? calls : calls.FindAll(c => !answered.Contains(c.CallId));
        if (missing.Count == 0)
        {
            return;
        }

        var results = new List<AIContent>(missing.Count);
        foreach (var call in missing)
        {
            results.Add(ToolResults.Error(call.CallId, ToolCallStatus.Cancelled, "The tool call was not run because the turn ended first."));
            state.ToolCalls.Add(new ToolCallRecord(call.CallId, call.Name, ToolResults.ToJson(call.Arguments), ToolCallStatus.Cancelled, 0, "The turn ended first."));
        }

        state.Conversation.Add(new ChatMessage(ChatRole.Tool, results));
    }
}
