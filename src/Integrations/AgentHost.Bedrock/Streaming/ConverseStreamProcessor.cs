using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgentHost.Bedrock.Errors;
using AgentHost.Bedrock.EventStream;
using AgentHost.Bedrock.Mapping;
using AgentHost.Bedrock.Wire;
using Microsoft.Extensions.AI;

namespace AgentHost.Bedrock.Streaming;

/// <summary>
/// Turns ConverseStream frames into <see cref="ChatResponseUpdate"/>s: text deltas as they arrive, tool-use
/// input fragments assembled per content block and parsed at block stop, usage from the metadata event.
/// Exception frames become typed exceptions. Unknown events and keys are skipped.
/// </summary>
internal sealed class ConverseStreamProcessor(string modelId, string? responseId)
{
    private readonly Dictionary<int, ToolUseBuilder> _toolUses = [];

    /// <summary>Whether an update with content has been produced (after that, no retry is allowed).</summary>
    public bool ProducedContent { get; private set; }

    /// <summary>Whether the messageStop event arrived (a stream that ends without it is incomplete).</summary>
    public bool SawMessageStop { get; private set; }

    /// <summary>The raw stop reason, once seen.</summary>
    public string? StopReason { get; private set; }

    /// <summary>Returns the update for a frame, or <see langword="null"/> when the frame produces none.</summary>
    public ChatResponseUpdate? Process(EventStreamMessage message)
    {
        var messageType = message.GetString(EventStreamMessage.MessageTypeHeader);
        if (messageType == "exception")
        {
            var body = Deserialize(message, BedrockJsonContext.Default.ExceptionEvent);
            throw BedrockErrorFactory.FromStreamFrame(message.GetString(EventStreamMessage.ExceptionTypeHeader) ?? "UnknownException", body?.Message);
        }

        if (messageType == "error")
        {
            throw BedrockErrorFactory.FromStreamFrame(
                message.GetString(EventStreamMessage.ErrorCodeHeader) ?? "UnknownError",
                message.GetString(EventStreamMessage.ErrorMessageHeader));
        }

        return message.GetString(EventStreamMessage.EventTypeHeader) switch
        {
            "contentBlockStart" => OnBlockStart(Deserialize(message, BedrockJsonContext.Default.ContentBlockStartEvent)),
            "contentBlockDelta" => OnBlockDelta(Deserialize(message, BedrockJsonContext.Default.ContentBlockDeltaEvent)),
            "contentBlockStop" => OnBlockStop(Deserialize(message, BedrockJsonContext.Default.ContentBlockStopEvent)),
            "messageStop" => OnMessageStop(Deserialize(message, BedrockJsonContext.Default.MessageStopEvent)),
            "metadata" => OnMetadata(Deserialize(message, BedrockJsonContext.Default.MetadataEvent)),
            _ => null,
        };
    }

    private static T? Deserialize<T>(EventStreamMessage message, JsonTypeInfo<T> typeInfo)
        => message.Payload.IsEmpty ? default : JsonSerializer.Deserialize(message.Payload.Span, typeInfo);

    private ChatResponseUpdate? OnBlockStart(ContentBlockStartEvent? e)
    {
        if (e?.Start?.ToolUse is { } toolUse)
        {
            _toolUses[e.ContentBlockIndex] = new ToolUseBuilder(toolUse.ToolUseId, toolUse.Name);
        }

        return null;
    }

    private ChatResponseUpdate? OnBlockDelta(ContentBlockDeltaEvent? e)
    {
        var delta = e?.Delta;
        if (delta is null)
        {
            return null;
        }

        if (delta.Text is { Length: > 0 } text)
        {
            return Content(new TextContent(text));
        }

        if (delta.ToolUse?.Input is { } fragment)
        {
            if (!_toolUses.TryGetValue(e!.ContentBlockIndex, out var builder))
            {
                throw new BedrockException($"Bedrock streamed tool input for block {e.ContentBlockIndex} without a contentBlockStart.", "MalformedStream", null, isRetryable: false);
            }

            builder.Input.Append(fragment);
            return null;
        }

        if (delta.ReasoningContent is { } reasoning && (reasoning.Text is not null || reasoning.Signature is not null))
        {
            return Content(new TextReasoningContent(reasoning.Text) { ProtectedData = reasoning.Signature });
        }

        return null;
    }

    private ChatResponseUpdate? OnBlockStop(ContentBlockStopEvent? e)
    {
        if (e is null || !_toolUses.Remove(e.ContentBlockIndex, out var builder))
        {
            return null;
        }

        var json = builder.Input.Length == 0 ? "{}" : builder.Input.ToString();
        FunctionCallContent call;
        try
        {
            using var document = JsonDocument.Parse(json);
            call = new FunctionCallContent(builder.ToolUseId, builder.Name, BedrockJsonValues.ElementToArguments(document.RootElement));
        }
        catch (JsonException ex)
        {
            call = new FunctionCallContent(builder.ToolUseId, builder.Name) { Exception = ex };
        }

        return Content(call);
    }

    private ChatResponseUpdate? OnMessageStop(MessageStopEvent? e)
    {
        StopReason = e?.StopReason;
        SawMessageStop = true;
        if (StopReason == BedrockStopReasons.ContextWindowExceeded)
        {
            throw new BedrockContextWindowExceededException("The conversation exceeds the model's context window (stop reason model_context_window_exceeded).");
        }

        var update = NewUpdate();
        update.FinishReason = BedrockStopReasons.ToFinishReason(StopReason);
        if (StopReason is not null)
        {
            update.AdditionalProperties = new() { [BedrockStopReasons.AdditionalPropertyKey] = StopReason };
        }

        return update;
    }

    private ChatResponseUpdate? OnMetadata(MetadataEvent? e)
    {
        var usage = BedrockUsageMapper.ToUsage(e?.Usage);
        var trace = e?.Trace is { ValueKind: System.Text.Json.JsonValueKind.Object } t ? t : (System.Text.Json.JsonElement?)null;
        if (usage is null && trace is null)
        {
            return null;
        }

        var update = NewUpdate();
        if (usage is not null)
        {
            update.Contents.Add(new UsageContent(usage));
        }

        if (e?.Metrics?.LatencyMs is { } latency)
        {
            (update.AdditionalProperties ??= [])[BedrockResponseMapper.LatencyKey] = latency;
        }

        if (trace is not null)
        {
            (update.AdditionalProperties ??= [])[BedrockResponseMapper.TraceKey] = trace.Value;
        }

        return update;
    }

    private ChatResponseUpdate Content(AIContent content)
    {
        ProducedContent = true;
        var update = NewUpdate();
        update.Contents.Add(content);
        return update;
    }

    private ChatResponseUpdate NewUpdate() => new()
    {
        Role = ChatRole.Assistant,
        ModelId = modelId,
        ResponseId = responseId,
        MessageId = responseId,
    };

    private sealed class ToolUseBuilder(string toolUseId, string name)
    {
        public string ToolUseId { get; } = toolUseId;

        public string Name { get; } = name;

        public StringBuilder Input { get; } = new();
    }
}
