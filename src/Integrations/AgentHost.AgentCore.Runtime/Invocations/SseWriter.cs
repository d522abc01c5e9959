using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using AgentHost.AgentCore.Contracts;
using AgentHost.AgentCore.Runtime.Serialization;
using AgentHost.Core.Sessions;
using Microsoft.AspNetCore.Http;

namespace AgentHost.AgentCore.Runtime.Invocations;

/// <summary>
/// Writes a turn as Server-Sent Events: <c>message</c> events carry <c>{"text": ...}</c> fragments, <c>tool_call</c> events
/// report tool progress, the last event is <c>done</c> with the same summary as the JSON response, or <c>error</c> with
/// <c>{"error","error_type","message"}</c> if the turn failed after streaming began.
/// </summary>
internal sealed class SseWriter(HttpResponse response)
{
    private static readonly byte[] DataPrefix = Encoding.UTF8.GetBytes("data: ");
    private static readonly byte[] EventEnd = Encoding.UTF8.GetBytes("\n\n");
    private bool _started;
    private AgentErrorEvent? _error;

    public async Task RunAsync(IAsyncEnumerable<AgentEvent> events, Action<Exception> logFailure)
    {
        try
        {
            await foreach (var item in events)
            {
                switch (item)
                {
                    case TextDeltaEvent delta:
                        await WriteAsync(StreamEventNames.Message, new TextChunk { Text = delta.Text }, AgentCoreJsonContext.Default.TextChunk);
                        break;
                    case ToolCallStartedEvent started:
                        await WriteAsync(StreamEventNames.ToolCall, new ToolCallProgress { Phase = ToolCallProgress.Started, ToolUseId = started.CallId, Name = started.Name, Input = started.Input }, AgentCoreJsonContext.Default.ToolCallProgress);
                        break;
                    case ToolCallFinishedEvent finished:
                        await WriteAsync(
                            StreamEventNames.ToolCall,
                            new ToolCallProgress
                            {
                                Phase = ToolCallProgress.Finished,
                                ToolUseId = finished.Call.CallId,
                                Name = finished.Call.Name,
                                Input = finished.Call.Input,
                                Status = finished.Call.Status.ToWireName(),
                                DurationMs = Math.Round(finished.Call.DurationMs, 3),
                            },
                            AgentCoreJsonContext.Default.ToolCallProgress);
                        break;
                    case AgentErrorEvent error:
                        _error = error;
                        break;
                    case SessionTurnFinishedEvent { Result.Outcome.StopReason: StopReason.Error } failed:
                        await WriteAsync(
                            StreamEventNames.Error,
                            new ErrorResponse
                            {
                                Error = failed.Result.Outcome.ErrorMessage ?? "The model call failed.",
                                ErrorType = _error?.ErrorType ?? RuntimeErrorTypes.ModelError,
                                Message = "An error occurred during streaming",
                            },
                            AgentCoreJsonContext.Default.ErrorResponse);
                        break;
                    case SessionTurnFinishedEvent done:
                        await WriteAsync(StreamEventNames.Done, InvocationMapper.ToResponse(done.Result), AgentCoreJsonContext.Default.InvocationResponse);
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (response.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; the turn was stored as cancelled.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logFailure(ex);
            var errorType = ex is ConversationConflictException ? RuntimeErrorTypes.ConversationConflict : ex.GetType().Name;
            if (!_started)
            {
                var status = ex is ConversationConflictException ? StatusCodes.Status409Conflict : StatusCodes.Status500InternalServerError;
                await JsonBodyResult.Create(new ErrorResponse { Error = ex.Message, ErrorType = errorType }, AgentCoreJsonContext.Default.ErrorResponse, status)
                    .ExecuteAsync(response.HttpContext);
                return;
            }

            await WriteAsync(
                StreamEventNames.Error,
                new ErrorResponse { Error = ex.Message, ErrorType = errorType, Message = "An error occurred during streaming" },
                AgentCoreJsonContext.Default.ErrorResponse);
        }
    }

    private async Task WriteAsync<T>(string eventName, T data, JsonTypeInfo<T> typeInfo)
    {
        if (!_started)
        {
            _started = true;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
        }

        var writer = response.BodyWriter;
        WriteAscii(writer, "event: ");
        WriteAscii(writer, eventName);
        WriteAscii(writer, "\n");
        writer.Write(DataPrefix);
        using (var json = new Utf8JsonWriter(writer))
        {
            JsonSerializer.Serialize(json, data, typeInfo);
        }

        writer.Write(EventEnd);
        await writer.FlushAsync(response.HttpContext.RequestAborted);
    }

    private static void WriteAscii(System.IO.Pipelines.PipeWriter writer, string text)
    {
        var span = writer.GetSpan(text.Length);
        var count = Encoding.ASCII.GetBytes(text, span);
        writer.Advance(count);
    }
}
