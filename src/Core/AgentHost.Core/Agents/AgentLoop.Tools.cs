using System.Threading.Channels;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Hooks;
using AgentHost.Core.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Agents;

public sealed partial class AgentLoop
{
    /// <summary>Runs the tool calls of one model response concurrently (bounded) and returns their results in call order. Never throws.</summary>
    private async Task<List<AIContent>> ExecuteToolCallsAsync(TurnState state, List<FunctionCallContent> calls, ChannelWriter<AgentEvent> events, CancellationToken turnToken)
    {
        var records = new ToolCallRecord[calls.Count];
        var results = new FunctionResultContent[calls.Count];
        using var gate = new SemaphoreSlim(_options.Limits.MaxConcurrentToolCalls);
        if (calls.Count == 1)
        {
            // The common case: one call runs on this thread; a Task.Run would only add a thread hop.
            (results[0], records[0]) = await ExecuteToolCallAsync(state, calls[0], gate, events, turnToken);
            lock (state.ToolCalls)
            {
                state.ToolCalls.Add(records[0]);
            }

            return [results[0]];
        }

        var tasks = new Task[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            var index = i;
            tasks[i] = Task.Run(
                async () =>
                {
                    (results[index], records[index]) = await ExecuteToolCallAsync(state, calls[index], gate, events, turnToken);
                },
                CancellationToken.None);
        }

        await Task.WhenAll(tasks);
        lock (state.ToolCalls)
        {
            state.ToolCalls.AddRange(records);
        }

        return [.. results];
    }

    private async Task<(FunctionResultContent Result, ToolCallRecord Record)> ExecuteToolCallAsync(
        TurnState state, FunctionCallContent call, SemaphoreSlim gate, ChannelWriter<AgentEvent> events, CancellationToken turnToken)
    {
        var arguments = call.Arguments ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        var started = _time.GetTimestamp();
        object? result;
        ToolCallStatus status;
        Exception? exception = null;
        var entered = false;
        try
        {
            await gate.WaitAsync(turnToken);
            entered = true;
            (result, status, exception, arguments) = await InvokeToolAsync(state, call, arguments, events, turnToken);
        }
        catch (OperationCanceledException) when (turnToken.IsCancellationRequested)
        {
            (result, status) = ("The tool call was cancelled because the turn ended.", ToolCallStatus.Cancelled);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A before-tool hook failed: the model sees an error, the turn goes on.
            (result, status, exception) = ($"The tool call was refused: {ex.Message}", ToolCallStatus.Error, ex);
        }
        finally
        {
            if (entered)
            {
                gate.Release();
            }
        }

        var duration = _time.GetElapsedTime(started);
        var called = new ToolCalledContext(state.Invocation, state.Items, call.CallId, call.Name, arguments, result, status, exception, duration);
        await _hooks.ToolCalledAsync(called, CancellationToken.None);

        var errorText = called.Status == ToolCallStatus.Success ? null : DescribeError(called);
        var record = new ToolCallRecord(call.CallId, call.Name, ToolResults.ToJson(arguments), called.Status, duration.TotalMilliseconds, errorText);
        events.TryWrite(new ToolCallFinishedEvent(record));
        LogToolCallFinished(_logger, call.Name, called.Status.ToWireName(), duration.TotalMilliseconds);

        var content = called.Status == ToolCallStatus.Success
            ? new FunctionResultContent(call.CallId, called.Result)
            : ToolResults.Error(call.CallId, called.Status, called.Result?.ToString() ?? errorText ?? "The tool call failed.");
        return (content, record);
    }

    private async Task<(object? Result, ToolCallStatus Status, Exception? Exception, IDictionary<string, object?> Arguments)> InvokeToolAsync(
        TurnState state, FunctionCallContent call, IDictionary<string, object?> arguments, ChannelWriter<AgentEvent> events, CancellationToken turnToken)
    {
        var tool = await _tools.ResolveAsync(call.Name, turnToken);
        var calling = new ToolCallingContext(state.Invocation, state.Items, call.CallId, call.Name, tool, arguments);
        await _hooks.ToolCallingAsync(calling, turnToken);
        arguments = calling.Arguments;
        if (calling.InterruptReason is not null)
        {
            state.InterruptReason ??= calling.InterruptReason;
        }

        if (calling.DenyReason is not null)
        {
            return ($"The tool call was denied: {calling.DenyReason}", ToolCallStatus.Denied, null, arguments);
        }

        if (tool is null)
        {
            return ($"There is no tool named '{call.Name}'. Use only the tools you were given.", ToolCallStatus.NotFound, null, arguments);
        }

        events.TryWrite(new ToolCallStartedEvent(call.CallId, call.Name, ToolResults.ToJson(arguments)));
        var timeout = _options.Limits.TimeoutFor(call.Name);
        using var timeoutCts = new CancellationTokenSource(timeout, _time);
        using var callCts = CancellationTokenSource.CreateLinkedTokenSource(turnToken, timeoutCts.Token);
        try
        {
            // WaitAsync abandons a tool that ignores its cancellation token, so the timeout always holds.
            var invocation = tool.InvokeAsync(new AIFunctionArguments(arguments), callCts.Token).AsTask();
            var result = await invocation.WaitAsync(callCts.Token);
            return (result, ToolCallStatus.Success, null, arguments);
        }
        catch (OperationCanceledException) when (turnToken.IsCancellationRequested)
        {
            return ("The tool call was cancelled because the turn ended.", ToolCallStatus.Cancelled, null, arguments);
        }
        catch (OperationCanceledException) when (timeoutCts.IsCancellationRequested)
        {
            return ($"The tool '{call.Name}' did not answer within {timeout.TotalSeconds:0.###} seconds.", ToolCallStatus.Timeout, null, arguments);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ($"The tool '{call.Name}' failed: {ex.Message}", ToolCallStatus.Error, ex, arguments);
        }
    }

    private static string DescribeError(ToolCalledContext called) =>
        called.Result as string ?? called.Exception?.Message ?? called.Status.ToWireName();
}
