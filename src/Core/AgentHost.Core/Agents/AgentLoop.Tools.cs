using System.Diagnostics;
using System.Threading.Channels;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Hooks;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Diagnostics;
using AgentHost.Core.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Agents;

public sealed partial class AgentLoop
{
    /// <summary>Runs the tool calls of one model response concurrently (bounded) and returns their results in call order. Never throws.</summary>
    private async Task<List<AIContent>> ExecuteToolCallsAsync(TurnState state, List<FunctionCallContent> calls, ChannelWriter<AgentEvent> events, CancellationToken turnToken)
    {
        var executed = new ExecutedToolCall[calls.Count];
        using var gate = new SemaphoreSlim(_options.Limits.MaxConcurrentToolCalls);
        if (calls.Count == 1)
        {
            // The common case: one call runs on this thread; a Task.Run would only add a thread hop.
            executed[0] = await ExecuteToolCallAsync(state, calls[0], resumption: null, gate, events, turnToken);
        }
        else
        {
            var tasks = new Task[calls.Count];
            for (var i = 0; i < calls.Count; i++)
            {
                var index = i;
                tasks[i] = Task.Run(
                    async () => executed[index] = await ExecuteToolCallAsync(state, calls[index], resumption: null, gate, events, turnToken),
                    CancellationToken.None);
            }

            await Task.WhenAll(tasks);
        }

        var results = new List<AIContent>(executed.Length);
        foreach (var call in executed)
        {
            state.Record(call.Record, call.Pending);
            results.Add(call.Result);
        }

        return results;
    }

    /// <summary>
    /// Offers the calls suspended in earlier turns to the middleware chain again, before the first model call. A call that
    /// ends (runs, is rejected, fails) enters this turn's conversation as a call and its result; a call that is still
    /// suspended leaves no trace and is offered again next time.
    /// </summary>
    private async Task ResumeSuspendedCallsAsync(TurnState state, ChannelWriter<AgentEvent> events, CancellationToken turnToken)
    {
        var resumptions = state.Request.Resumptions;
        if (resumptions.Count == 0)
        {
            return;
        }

        using var gate = new SemaphoreSlim(1);
        foreach (var resumption in resumptions)
        {
            var pending = resumption.Call;
            var call = new FunctionCallContent(ResumedCallId(pending.CallId), pending.Name, ToolResults.ToArguments(pending.Input));
            var executed = await ExecuteToolCallAsync(state, call, resumption, gate, events, turnToken);
            if (executed.Record.Status == ToolCallStatus.Pending)
            {
                continue;
            }

            state.Record(executed.Record, pending: null);
            await AddMessageAsync(state, new ChatMessage(ChatRole.Assistant, [call]), addToConversation: true, turnToken);
            await AddMessageAsync(state, new ChatMessage(ChatRole.Tool, [executed.Result]), addToConversation: true, turnToken);
        }
    }

    private async Task<ExecutedToolCall> ExecuteToolCallAsync(
        TurnState state, FunctionCallContent call, ToolCallResumption? resumption, SemaphoreSlim gate, ChannelWriter<AgentEvent> events, CancellationToken turnToken)
    {
        var arguments = call.Arguments ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        var started = _time.GetTimestamp();
        ToolCallContext? context = null;
        ToolCallOutcome outcome;
        var entered = false;

        // The execute_tool span encloses the hooks and the whole middleware chain (policy, approval, sanitisation) and the
        // call itself, so the spans of the call (the MCP client's, HTTP) are its children; the wait for a concurrency slot is not in it.
        Activity? activity = null;
        try
        {
            await gate.WaitAsync(turnToken);
            entered = true;
            started = _time.GetTimestamp();
            activity = ToolTelemetry.Start(call.Name, call.CallId, resumption is not null);
            var tool = await _tools.ResolveAsync(call.Name, turnToken);
            var calling = new ToolCallingContext(state.Invocation, state.Items, call.CallId, call.Name, tool, arguments);
            await _hooks.ToolCallingAsync(calling, turnToken);
            context = new ToolCallContext(state.Invocation, call.CallId, call.Name, tool, calling.Arguments, state.Items, _options.Limits.TimeoutFor(call.Name))
            {
                Resumption = resumption,
                Progress = new ToolProgressWriter(events, call.CallId, call.Name),
            };
            if (calling.InterruptReason is not null)
            {
                state.Interrupt(calling.InterruptReason);
            }

            if (calling.DenyReason is not null)
            {
                outcome = ToolCallOutcome.Denied(calling.DenyReason);
            }
            else
            {
                if (tool is not null)
                {
                    events.TryWrite(new ToolCallStartedEvent(call.CallId, call.Name, context.ArgumentsJson));
                }

                outcome = await _toolPipeline(context, turnToken);
            }
        }
        catch (OperationCanceledException) when (turnToken.IsCancellationRequested)
        {
            outcome = ToolCallOutcome.Failure(ToolCallStatus.Cancelled, "The tool call was cancelled because the turn ended.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A before-tool hook or a middleware failed: the model sees an error, the turn goes on (fail closed: the tool did not run past it).
            outcome = ToolCallOutcome.Failure(ToolCallStatus.Error, $"The tool call was refused: {ex.Message}", ex);
        }
        finally
        {
            if (entered)
            {
                gate.Release();
            }
        }

        if (outcome.InterruptReason is not null)
        {
            state.Interrupt(outcome.InterruptReason);
        }

        var duration = _time.GetElapsedTime(started);
        var finalArguments = context?.Arguments ?? arguments;
        var called = new ToolCalledContext(state.Invocation, state.Items, call.CallId, call.Name, finalArguments, outcome.Result, outcome.Status, outcome.Exception, duration);
        await _hooks.ToolCalledAsync(called, CancellationToken.None);

        var input = context is not null && ReferenceEquals(context.Arguments, finalArguments) ? context.ArgumentsJson : ToolResults.ToJson(finalArguments);
        var suspension = called.Status == ToolCallStatus.Pending ? outcome.Suspension : null;
        var status = called.Status == ToolCallStatus.Pending && suspension is null ? ToolCallStatus.Error : called.Status;
        var errorText = status == ToolCallStatus.Success ? null : DescribeError(called);
        var record = new ToolCallRecord(
            call.CallId,
            call.Name,
            input,
            status,
            duration.TotalMilliseconds,
            errorText,
            outcome.Flags.Count > 0 ? outcome.Flags : null,
            suspension?.Id ?? resumption?.Call.Suspension.Id);
        ToolTelemetry.Finish(activity, state.Items, record, called.Result, duration);
        activity?.Dispose();
        events.TryWrite(new ToolCallFinishedEvent(record));
        LogToolCallFinished(_logger, call.Name, status.ToWireName(), duration.TotalMilliseconds);

        var content = status == ToolCallStatus.Success
            ? new FunctionResultContent(call.CallId, called.Result)
            : ToolResults.Error(call.CallId, status, called.Result?.ToString() ?? errorText ?? "The tool call failed.");
        var pending = suspension is null ? null : new PendingToolCall(call.CallId, call.Name, input, suspension);
        return new ExecutedToolCall(content, record, pending);
    }

    /// <summary>The innermost step of the middleware chain: runs the tool with its timeout and maps every failure to an outcome.</summary>
    private async ValueTask<ToolCallOutcome> InvokeToolAsync(ToolCallContext context, CancellationToken cancellationToken)
    {
        var tool = context.Tool;
        if (tool is null)
        {
            return ToolCallOutcome.Failure(ToolCallStatus.NotFound, $"There is no tool named '{context.ToolName}'. Use only the tools you were given.");
        }

        var timeout = context.Timeout;
        using var timeoutCts = new CancellationTokenSource(timeout, _time);
        using var callCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutCts.Token);
        var arguments = new AIFunctionArguments(context.Arguments)
        {
            // The invocation (caller, credential, deadline) travels with the call, never through ambient state.
            Context = new Dictionary<object, object?>(3)
            {
                [ToolInvocation.InvocationKey] = context.Invocation,
                [ToolInvocation.ArgumentsJsonKey] = context.ArgumentsJson,
                [ToolInvocation.ProgressKey] = context.Progress,
            },
        };
        try
        {
            // WaitAsync abandons a tool that ignores its cancellation token, so the timeout always holds.
            var invocation = tool.InvokeAsync(arguments, callCts.Token).AsTask();
            var result = await invocation.WaitAsync(callCts.Token);
            return ToolCallOutcome.Success(result);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ToolCallOutcome.Failure(ToolCallStatus.Cancelled, "The tool call was cancelled because the turn ended.");
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested)
        {
            return ToolCallOutcome.Failure(ToolCallStatus.Timeout, $"The tool '{context.ToolName}' did not answer within {timeout.TotalSeconds:0.###} seconds.");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ToolCallOutcome.Failure(ToolCallStatus.Error, $"The tool '{context.ToolName}' failed: {ex.Message}", ex);
        }
    }

    /// <summary>The call id of a resumed call: derived from the suspended one (a model's ids are unique per conversation; Bedrock allows 64 characters).</summary>
    private static string ResumedCallId(string callId)
    {
        const string Suffix = "_resumed";
        return callId.Length + Suffix.Length <= 64 ? callId + Suffix : callId[..(64 - Suffix.Length)] + Suffix;
    }

    private static string DescribeError(ToolCalledContext called) =>
        called.Result as string ?? called.Exception?.Message ?? called.Status.ToWireName();

    /// <summary>One finished call: the result the model sees, the record callers see, and the suspension when it waits.</summary>
    private readonly record struct ExecutedToolCall(FunctionResultContent Result, ToolCallRecord Record, PendingToolCall? Pending);
}
