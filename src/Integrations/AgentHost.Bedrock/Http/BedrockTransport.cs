using System.Net.Http.Headers;
using System.Text.Json;
using AgentHost.Bedrock.Errors;
using AgentHost.Bedrock.Logging;
using AgentHost.Bedrock.Wire;
using Microsoft.Extensions.Logging;

namespace AgentHost.Bedrock.Http;

/// <summary>Sends Converse/ConverseStream requests and turns HTTP errors into typed exceptions, retrying what may recover.</summary>
internal sealed class BedrockTransport(HttpClient httpClient, Uri endpoint, TimeProvider timeProvider, ILogger logger)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    public Uri Endpoint { get; } = endpoint;

    public static string OperationPath(string modelId, bool stream)
        => "/model/" + Uri.EscapeDataString(modelId) + (stream ? "/converse-stream" : "/converse");

    /// <summary>Sends until success, a non-retryable error, or an exhausted budget; the response is successful.</summary>
    public async Task<HttpResponseMessage> SendAsync(string modelId, bool stream, byte[] body, RetryBudget budget, CancellationToken cancellationToken)
    {
        var operation = stream ? "ConverseStream" : "Converse";
        var uri = new Uri(Endpoint.ToString().TrimEnd('/') + OperationPath(modelId, stream));
        while (true)
        {
            BedrockLog.Sending(logger, operation, modelId, budget.Retries + 1);
            Exception failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri);
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = JsonContentType;
                request.Headers.Accept.ParseAdd(stream ? "application/vnd.amazon.eventstream" : "application/json");
                var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                using (response)
                {
                    failure = await ReadErrorAsync(response, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (HttpRequestException ex)
            {
                failure = new BedrockException("Could not reach Bedrock Runtime: " + ex.Message, "ConnectionError", null, isRetryable: true, ex);
            }

            await DelayOrThrowAsync(operation, failure, budget, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits before the next attempt when the failure is retryable and the budget allows; otherwise throws it.</summary>
    public async Task DelayOrThrowAsync(string operation, Exception failure, RetryBudget budget, CancellationToken cancellationToken)
    {
        var bedrock = failure as BedrockException ?? failure.InnerException as BedrockException;
        if (bedrock is { IsRetryable: true } && budget.TryNext(out var delay))
        {
            BedrockLog.Retrying(logger, operation, bedrock.ErrorType, bedrock.StatusCode, (long)delay.TotalMilliseconds, budget.Retries);
            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
            return;
        }

        BedrockLog.Failed(logger, operation, bedrock?.ErrorType ?? failure.GetType().Name, bedrock?.StatusCode, bedrock?.RequestId);
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    public static string? RequestId(HttpResponseMessage response)
        => response.Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.FirstOrDefault() : null;

    private static async Task<Exception> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ErrorBody? body = null;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (bytes.Length > 0)
            {
                body = JsonSerializer.Deserialize(bytes, BedrockJsonContext.Default.ErrorBody);
            }
        }
        catch (JsonException)
        {
            body = null;
        }

        var typeHeader = response.Headers.TryGetValues("x-amzn-errortype", out var types) ? types.FirstOrDefault() : null;
        return BedrockErrorFactory.FromHttp(response.StatusCode, typeHeader, body, RequestId(response));
    }
}
