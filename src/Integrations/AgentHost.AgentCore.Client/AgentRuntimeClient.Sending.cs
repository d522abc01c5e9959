using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AgentHost.AgentCore.Client.Errors;
using AgentHost.AgentCore.Client.Http;
using AgentHost.AgentCore.Client.Logging;
using AgentHost.AgentCore.Contracts;
using AgentHost.Aws.Credentials;

namespace AgentHost.AgentCore.Client;

/// <summary>Starting a call, sending its attempts, and the retry decisions.</summary>
public sealed partial class AgentRuntimeClient
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new("application/json");
    private static readonly MediaTypeWithQualityHeaderValue AcceptEventStream = new("text/event-stream");
    private static readonly TimeSpan MaxHostTimeout = TimeSpan.FromDays(1);

    private InvocationCall StartCall(AgentRuntimeRequest request, bool stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.SessionId, nameof(request));
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Prompt, nameof(request));
        ValidateSessionId(request.SessionId);
        var turnId = string.IsNullOrWhiteSpace(request.TurnId) ? Guid.CreateVersion7().ToString("N") : request.TurnId;
        var deadline = request.Deadline ?? _time.GetUtcNow() + (stream ? _options.DefaultStreamTimeout : _options.DefaultTimeout);
        var call = new InvocationCall(request, turnId, stream, deadline, request.Deadline is not null, _time, cancellationToken);
        if (call.DeadlinePassed)
        {
            call.Dispose();
            throw DeadlineExceeded(call, inner: null);
        }

        return call;
    }

    private void ValidateSessionId(string sessionId)
    {
        if (sessionId.Length > MaxSessionIdLength || sessionId.Any(char.IsControl))
        {
            throw new ArgumentException($"A session id has at most {MaxSessionIdLength} printable characters (this one has {sessionId.Length}).", "request");
        }

        if (Target.IsRuntimeArn && sessionId.Length < MinRuntimeSessionIdLength)
        {
            throw new ArgumentException(
                $"AgentCore requires a runtime session id of {MinRuntimeSessionIdLength} to {MaxSessionIdLength} characters (this one has {sessionId.Length}); use e.g. a UUID with a prefix.",
                "request");
        }
    }

    /// <summary>Sends attempts until one succeeds (<paramref name="onSuccess"/> returns), a failure is not retryable, or the retries or the deadline run out.</summary>
    private async Task<T> ExecuteAsync<T>(InvocationCall call, Func<HttpResponseMessage, CancellationToken, Task<T>> onSuccess, bool disposeResponse)
    {
        while (true)
        {
            if (call.DeadlinePassed)
            {
                throw DeadlineExceeded(call, inner: null);
            }

            call.Attempts++;
            AgentRuntimeClientLog.Sending(_logger, Target.Description, call.Stream ? "stream" : "json", call.Attempts);
            using var attemptTimeout = _options.AttemptTimeout is { } limit ? new CancellationTokenSource(limit, _time) : null;
            using var attemptToken = attemptTimeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(call.Token, attemptTimeout.Token);
            var token = attemptToken?.Token ?? call.Token;
            AgentRuntimeException failure;
            HttpResponseMessage? response = null;
            try
            {
                using var request = BuildRequest(call);
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    var result = await onSuccess(response, token).ConfigureAwait(false);
                    if (!disposeResponse)
                    {
                        response = null;
                    }

                    return result;
                }

                var body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
                failure = AgentRuntimeErrorFactory.FromHttp(response.StatusCode, Header(response, "x-amzn-ErrorType"), body, Header(response, "x-amzn-RequestId"), call.TurnId, call.Attempts);
            }
            catch (OperationCanceledException) when (call.CallerToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex) when (call.DeadlinePassed)
            {
                throw DeadlineExceeded(call, ex);
            }
            catch (OperationCanceledException ex) when (attemptTimeout?.IsCancellationRequested == true)
            {
                failure = Failure(call, AgentRuntimeErrorKind.Timeout, "AttemptTimeout", $"The attempt took longer than {_options.AttemptTimeout!.Value.TotalMilliseconds:0} ms.", ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException)
            {
                failure = Failure(call, AgentRuntimeErrorKind.Connection, "ConnectionError", $"Could not reach the agent runtime: {ex.Message}", ex);
            }
            catch (AwsCredentialsUnavailableException ex)
            {
                throw Fail(call, new AgentRuntimeException(AgentRuntimeErrorKind.CredentialsUnavailable, "CredentialsUnavailable", ex.Message, statusCode: null, isRetryable: false, ex)
                {
                    TurnId = call.TurnId,
                    Attempts = call.Attempts,
                });
            }
            finally
            {
                response?.Dispose();
            }

            await BackOffOrThrowAsync(call, failure).ConfigureAwait(false);
        }
    }

    private async Task BackOffOrThrowAsync(InvocationCall call, AgentRuntimeException failure)
    {
        if (!failure.IsRetryable || call.Attempts > _options.MaxRetries)
        {
            throw Fail(call, failure);
        }

        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, call.Attempts - 1);
        var cap = Math.Min(_options.MaxRetryDelay.TotalMilliseconds, exponential);
        var delay = TimeSpan.FromMilliseconds((cap / 2) + (_jitter() * cap / 2));
        if (call.Remaining - delay < _options.MinAttemptTime)
        {
            throw Fail(call, failure);
        }

        AgentRuntimeClientLog.Retrying(_logger, Target.Description, failure.ErrorType, failure.StatusCode, (long)delay.TotalMilliseconds, call.Attempts);
        try
        {
            await _delay(delay, call.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (call.CallerToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex) when (call.DeadlinePassed)
        {
            throw DeadlineExceeded(call, ex);
        }
    }

    private HttpRequestMessage BuildRequest(InvocationCall call)
    {
        var source = call.Request;
        var payload = new InvocationPayload
        {
            Prompt = source.Prompt,
            SessionId = source.SessionId,
            TurnId = call.TurnId,
            Stream = call.Stream ? true : null,
            Channel = source.Channel,
            Language = source.Language,
            ContactId = source.ContactId,
            CustomerId = source.CustomerId,
            Attributes = source.Attributes is null ? null : new Dictionary<string, string>(source.Attributes, StringComparer.Ordinal),
            TimeoutMs = source.TurnTimeout is { } turnTimeout ? Math.Max(1, (long)turnTimeout.TotalMilliseconds) : call.SendsDeadline ? HostTimeoutMs(call.Remaining) : null,
            WaitMs = source.WaitFor is { } wait && !call.Stream ? Math.Max(1, Math.Min((long)wait.TotalMilliseconds, HostTimeoutMs(call.Remaining) ?? long.MaxValue)) : null,
        };
        var request = new HttpRequestMessage(HttpMethod.Post, Target.InvocationsUri)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(payload, AgentCoreJsonContext.Default.InvocationPayload)),
        };
        request.Content.Headers.ContentType = JsonContentType;
        request.Headers.Accept.Add(call.Stream ? AcceptEventStream : AcceptJson);
        request.Headers.TryAddWithoutValidation(RuntimeHeaders.SessionId, source.SessionId);
        if (!string.IsNullOrWhiteSpace(source.UserId))
        {
            request.Headers.TryAddWithoutValidation(RuntimeHeaders.UserId, source.UserId);
        }

        if (!string.IsNullOrWhiteSpace(source.TraceParent))
        {
            request.Headers.TryAddWithoutValidation("traceparent", source.TraceParent);
        }

        return request;
    }

    /// <summary>
    /// The host's budget: the remaining time less the reserve, but never less than half of what remains; not sent when the
    /// deadline is more than a day away (longer than any AgentCore session).
    /// </summary>
    private long? HostTimeoutMs(TimeSpan remaining)
    {
        if (remaining > MaxHostTimeout)
        {
            return null;
        }

        var budget = remaining - _options.DeadlineReserve;
        if (budget < remaining / 2)
        {
            budget = remaining / 2;
        }

        return Math.Max(1, (long)budget.TotalMilliseconds);
    }

    private AgentRuntimeException DeadlineExceeded(InvocationCall call, Exception? inner)
    {
        AgentRuntimeClientLog.DeadlineExceeded(_logger, Target.Description, call.Attempts);
        return new AgentRuntimeException(
            AgentRuntimeErrorKind.DeadlineExceeded,
            "DeadlineExceeded",
            call.Attempts == 0 ? "The deadline passed before the call started." : $"The deadline passed after {call.Attempts} attempt(s).",
            statusCode: null,
            isRetryable: false,
            inner)
        {
            TurnId = call.TurnId,
            Attempts = call.Attempts,
        };
    }

    private AgentRuntimeException Fail(InvocationCall call, AgentRuntimeException failure)
    {
        AgentRuntimeClientLog.Failed(_logger, Target.Description, failure.ErrorType, failure.StatusCode, failure.RequestId, call.Attempts, failure.IsRetryable);
        return failure;
    }

    private static AgentRuntimeException Failure(InvocationCall call, AgentRuntimeErrorKind kind, string errorType, string message, Exception inner) =>
        new(kind, errorType, message, statusCode: null, isRetryable: true, inner) { TurnId = call.TurnId, Attempts = call.Attempts };

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
