using System.Net.ServerSentEvents;
using System.Text.Json;
using AgentHost.AgentCore.Client.Errors;
using AgentHost.AgentCore.Client.Http;
using AgentHost.AgentCore.Client.Streaming;
using AgentHost.AgentCore.Contracts;

namespace AgentHost.AgentCore.Client;

/// <summary>Reading successful responses: a JSON summary, or a stream read to its last event.</summary>
public sealed partial class AgentRuntimeClient
{
    /// <summary>
    /// Reads the summary of a successful response: the JSON body, or (from a host that streams anyway) the stream up to its
    /// <c>done</c> event. A broken connection surfaces as <see cref="IOException"/> or <see cref="HttpRequestException"/>, which the
    /// retry loop retries with the same turn id (the host then returns the stored result).
    /// </summary>
    private async Task<InvocationResponse> ReadResultAsync(InvocationCall call, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (IsEventStream(response))
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                try
                {
                    await foreach (var item in SseParser.Create(stream, InvocationEventParser.Parse).EnumerateAsync(cancellationToken).ConfigureAwait(false))
                    {
                        switch (item.Data)
                        {
                            case InvocationCompleted completed:
                                return completed.Response;
                            case InvocationFailed failed:
                                throw Fail(call, AgentRuntimeErrorFactory.FromErrorEvent(failed.Error, call.TurnId, call.Attempts));
                        }
                    }
                }
                catch (JsonException ex)
                {
                    throw Fail(call, InvalidResponse(call, $"The stream held an event that is not the contract's JSON: {ex.Message}", ex));
                }
            }

            throw Fail(call, InvalidResponse(call, "The stream ended without a done or error event.", inner: null));
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(body, AgentCoreJsonContext.Default.InvocationResponse)
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException ex)
        {
            throw Fail(call, InvalidResponse(call, $"The response is not an invocation response: {ex.Message}", ex));
        }
    }

    /// <summary>Runs one read of a stream that has begun, turning its failures into <see cref="AgentRuntimeException"/>s (never retried here).</summary>
    private async Task<T> GuardStreamAsync<T>(InvocationCall call, Func<Task<T>> read, int eventsSoFar = 0)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (call.CallerToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException ex) when (call.DeadlinePassed)
        {
            throw DeadlineExceeded(call, ex);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw Fail(call, new AgentRuntimeException(
                AgentRuntimeErrorKind.Connection,
                "StreamBroken",
                $"The stream broke after {eventsSoFar} event(s): {ex.Message} Send the same turn id again to get the turn's stored result.",
                statusCode: null,
                isRetryable: true,
                ex) { TurnId = call.TurnId, Attempts = call.Attempts });
        }
        catch (JsonException ex)
        {
            throw Fail(call, InvalidResponse(call, $"The stream held an event that is not the contract's JSON: {ex.Message}", ex));
        }
    }

    private static AgentRuntimeException InvalidResponse(InvocationCall call, string message, Exception? inner) =>
        new(AgentRuntimeErrorKind.InvalidResponse, "InvalidResponse", message, statusCode: null, isRetryable: false, inner)
        {
            TurnId = call.TurnId,
            Attempts = call.Attempts,
        };
}
