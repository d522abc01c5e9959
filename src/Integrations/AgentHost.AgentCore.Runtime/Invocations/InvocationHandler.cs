using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using AgentHost.AgentCore.Contracts;
using AgentHost.AgentCore.Runtime.Serialization;
using AgentHost.Core.Sessions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AgentHost.AgentCore.Runtime.Invocations;

/// <summary>
/// Handles <c>POST /invocations</c>: validates the request, runs the turn on the session, and answers with JSON or
/// Server-Sent Events. Errors follow the official SDKs: 400 <c>Invalid JSON</c> with details, 400 for a missing prompt or
/// session id, 413 for an oversized body, 409 when another writer stored a turn on the session first, 500 with a message;
/// after streaming began, an error is one last <c>error</c> event. With <c>waitMs</c>, the turn runs detached from the request
/// (<see cref="DetachedTurnRunner"/>) and a turn still running when the wait ends is answered with <c>202</c> and stop reason
/// <c>running</c>.
/// </summary>
public sealed partial class InvocationHandler
{
    private readonly AgentSessionService _sessions;
    private readonly AgentCoreRuntimeOptions _options;
    private readonly TurnDrain _drain;
    private readonly DetachedTurnRunner? _detached;
    private readonly TimeProvider _time;
    private readonly ILogger<InvocationHandler> _logger;

    /// <summary>Creates the handler.</summary>
    public InvocationHandler(AgentSessionService sessions, IOptions<AgentCoreRuntimeOptions> options, TurnDrain drain, ILogger<InvocationHandler> logger, TimeProvider? timeProvider = null, DetachedTurnRunner? detached = null)
    {
        _detached = detached;
        ArgumentNullException.ThrowIfNull(options);
        _sessions = sessions;
        _options = options.Value;
        _drain = drain;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Handles one request.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (payload, error) = await ReadPayloadAsync(context);
        if (error is not null)
        {
            await error.ExecuteAsync(context);
            return;
        }

        var sessionId = context.Request.Headers[RuntimeHeaders.SessionId].ToString();
        if (string.IsNullOrEmpty(sessionId))
        {
            sessionId = payload!.SessionId ?? string.Empty;
        }

        if (ValidateRequest(payload!, sessionId) is { } invalid)
        {
            await invalid.ExecuteAsync(context);
            return;
        }

        var request = BuildTurnRequest(context, payload!, sessionId);
        using var turnCts = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _drain.Token);
        var stream = payload!.Stream == true || AcceptsEventStream(context.Request);
        if (stream && payload.WaitMs is not null)
        {
            await BadRequest("Invalid waitMs", "\"waitMs\" applies to JSON responses only; a stream is read until its last event.").ExecuteAsync(context);
            return;
        }

        if (stream)
        {
            await new SseWriter(context.Response).RunAsync(_sessions.RunTurnStreamingAsync(request, turnCts.Token), ex => LogTurnFailed(_logger, ex, ex.GetType().Name));
            return;
        }

        Task<SessionTurnResult>? finished = null;
        if (payload.WaitMs is { } waitMs && _detached is not null)
        {
            finished = await _detached.RunAsync(request, TimeSpan.FromMilliseconds(waitMs), context.RequestAborted);
            if (finished is null)
            {
                if (!context.RequestAborted.IsCancellationRequested)
                {
                    await JsonBodyResult.Create(InvocationMapper.ToRunningResponse(request), AgentCoreJsonContext.Default.InvocationResponse, StatusCodes.Status202Accepted).ExecuteAsync(context);
                }

                return;
            }
        }

        IResult response;
        try
        {
            var result = finished is not null ? await finished : await _sessions.RunTurnAsync(request, turnCts.Token);
            response = result.Outcome.StopReason == StopReason.Error
                ? JsonBodyResult.Create(
                    new ErrorResponse { Error = result.Outcome.ErrorMessage ?? "The model call failed.", ErrorType = RuntimeErrorTypes.ModelError, Details = $"Turn {result.TurnId} of session {result.SessionId} was stored with stop reason 'error'." },
                    AgentCoreJsonContext.Default.ErrorResponse,
                    StatusCodes.Status500InternalServerError)
                : JsonBodyResult.Create(InvocationMapper.ToResponse(result), AgentCoreJsonContext.Default.InvocationResponse);
        }
        catch (ConversationConflictException ex)
        {
            response = JsonBodyResult.Create(
                new ErrorResponse { Error = ex.Message, ErrorType = RuntimeErrorTypes.ConversationConflict },
                AgentCoreJsonContext.Default.ErrorResponse,
                StatusCodes.Status409Conflict);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the caller is gone; the turn was stored as cancelled
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogTurnFailed(_logger, ex, ex.GetType().Name);
            response = JsonBodyResult.Create(
                new ErrorResponse { Error = string.IsNullOrEmpty(ex.Message) ? ex.GetType().Name : ex.Message, ErrorType = ex.GetType().Name },
                AgentCoreJsonContext.Default.ErrorResponse,
                StatusCodes.Status500InternalServerError);
        }

        await response.ExecuteAsync(context);
    }

    /// <summary>The largest accepted <c>timeoutMs</c>: one day (a turn budget beyond that is a caller's mistake, and would overflow a deadline).</summary>
    private const long MaxTimeoutMs = 24L * 60 * 60 * 1000;

    /// <summary>Bodies up to this size with a Content-Length are read in one piece (well below Kestrel's 1 MB request buffer).</summary>
    private const long SmallBodyBytes = 64 * 1024;

    private async Task<(InvocationPayload? Payload, IResult? Error)> ReadPayloadAsync(HttpContext context)
    {
        var limit = _options.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        try
        {
            var payload = context.Request.ContentLength is > 0 and <= SmallBodyBytes
                ? await ReadSmallPayloadAsync(context.Request.BodyReader, context.RequestAborted)
                : await JsonSerializer.DeserializeAsync(context.Request.Body, AgentCoreJsonContext.Default.InvocationPayload, context.RequestAborted);
            return payload is null
                ? (null, BadRequest("Invalid JSON", "The body must be a JSON object such as {\"prompt\": \"...\"}; it was null."))
                : (payload, null);
        }
        catch (JsonException ex)
        {
            var details = ex.Message.Contains("The input does not contain any JSON tokens", StringComparison.Ordinal)
                ? "The body is empty; send a JSON object such as {\"prompt\": \"...\"}."
                : ex.Message;
            return (null, BadRequest("Invalid JSON", details));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limit));
        }
    }

    /// <summary>
    /// A body of known, small length (the usual prompt) is read whole from the request pipe and parsed in one synchronous
    /// call, without the stream deserializer's buffers and async state. Larger or chunked bodies take the streaming path.
    /// </summary>
    private static async ValueTask<InvocationPayload?> ReadSmallPayloadAsync(PipeReader body, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            if (read.IsCompleted || read.IsCanceled)
            {
                try
                {
                    return buffer.IsSingleSegment
                        ? JsonSerializer.Deserialize(buffer.FirstSpan, AgentCoreJsonContext.Default.InvocationPayload)
                        : JsonSerializer.Deserialize(buffer.ToArray(), AgentCoreJsonContext.Default.InvocationPayload);
                }
                finally
                {
                    body.AdvanceTo(buffer.End);
                }
            }

            body.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private IResult? ValidateRequest(InvocationPayload payload, string sessionId)
    {
        if (string.IsNullOrWhiteSpace(payload.Prompt))
        {
            return BadRequest("Missing prompt", "The body must contain a non-empty \"prompt\" string.");
        }

        if (string.IsNullOrWhiteSpace(sessionId))
        {
            return BadRequest(
                "Missing sessionId. Send the X-Amzn-Bedrock-AgentCore-Runtime-Session-Id header or \"sessionId\" in the body.",
                "No session id was found in the header or the body.");
        }

        if (sessionId.Length > _options.MaxSessionIdLength || sessionId.Any(char.IsControl))
        {
            return BadRequest("Invalid sessionId", $"A session id has 1 to {_options.MaxSessionIdLength} printable characters.");
        }

        if (payload.WaitMs is <= 0 or > MaxTimeoutMs)
        {
            return BadRequest("Invalid waitMs", $"\"waitMs\" must be a positive number of milliseconds, at most {MaxTimeoutMs} (one day).");
        }

        if (payload.TimeoutMs is <= 0 or > MaxTimeoutMs)
        {
            return BadRequest("Invalid timeoutMs", $"\"timeoutMs\" must be a positive number of milliseconds, at most {MaxTimeoutMs} (one day).");
        }

        return null;
    }

    private SessionTurnRequest BuildTurnRequest(HttpContext context, InvocationPayload payload, string sessionId)
    {
        var attributes = payload.Attributes is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(payload.Attributes, StringComparer.Ordinal);
        foreach (var header in context.Request.Headers)
        {
            if (header.Key.StartsWith(RuntimeHeaders.CustomPrefix, StringComparison.OrdinalIgnoreCase) && header.Key.Length > RuntimeHeaders.CustomPrefix.Length)
            {
                attributes[header.Key[RuntimeHeaders.CustomPrefix.Length..]] = header.Value.ToString();
            }
        }

        var requestId = context.Request.Headers[RuntimeHeaders.RequestId].ToString();
        var authorization = context.Request.Headers.Authorization.ToString();
        return new SessionTurnRequest
        {
            SessionId = sessionId,
            Prompt = payload.Prompt!,
            TurnId = !string.IsNullOrWhiteSpace(payload.TurnId) ? payload.TurnId : payload.WaitMs is null ? null : Guid.CreateVersion7().ToString("N"),
            Channel = payload.Channel,
            Language = payload.Language,
            ContactId = payload.ContactId,
            Attributes = attributes,
            RequestId = string.IsNullOrEmpty(requestId) ? null : requestId,
            Authorization = CallerAuthorization.FromHeader(authorization),
            Caller = Identity.CallerIdentityReader.Read(_options.CallerIdentity, authorization, attributes),
            WorkloadAccessToken = WorkloadAccessToken.FromHeader(context.Request.Headers[RuntimeHeaders.WorkloadAccessToken].ToString()) ??
                WorkloadAccessToken.FromHeader(context.Request.Headers[RuntimeHeaders.LegacyWorkloadAccessToken].ToString()),
            Deadline = payload.TimeoutMs is { } timeoutMs ? _time.GetUtcNow().AddMilliseconds(timeoutMs) : null,
            Metadata = payload.CustomerId is null ? null : new SessionMetadata { CustomerId = payload.CustomerId },
        };
    }

    private static bool AcceptsEventStream(HttpRequest request)
    {
        foreach (var value in request.Headers.Accept)
        {
            if (value is not null && value.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static IResult BadRequest(string error, string details) =>
        JsonBodyResult.Create(new ErrorResponse { Error = error, Details = details }, AgentCoreJsonContext.Default.ErrorResponse, StatusCodes.Status400BadRequest);

    private static IResult TooLarge(long limit) =>
        JsonBodyResult.Create(
            new ErrorResponse { Error = "Payload too large", Details = $"The body exceeds the limit of {limit} bytes." },
            AgentCoreJsonContext.Default.ErrorResponse,
            StatusCodes.Status413PayloadTooLarge);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Invocation failed with {ErrorType}")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string errorType);
}
