using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace AgentHost.Connect.Lambda.LambdaRuntime;

/// <summary>
/// A client of the Lambda Runtime API (<c>http://$AWS_LAMBDA_RUNTIME_API/2018-06-01</c>) for custom runtimes:
/// <c>next</c> (blocks until an event arrives: no client timeout), <c>response</c>, <c>error</c> with
/// <c>Lambda-Runtime-Function-Error-Type</c>, and <c>init/error</c> for start-up failures.
/// </summary>
internal sealed class LambdaRuntimeClient : IDisposable
{
    /// <summary>The header naming the error type.</summary>
    public const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private const string ErrorContentType = "application/vnd.aws.lambda.error+json";
    private readonly HttpClient _http;
    private readonly string _base;

    /// <summary>Creates the client.</summary>
    /// <param name="runtimeApi">The value of <c>AWS_LAMBDA_RUNTIME_API</c> (<c>host:port</c>).</param>
    /// <param name="handler">The HTTP handler (tests); default a <see cref="SocketsHttpHandler"/>.</param>
    public LambdaRuntimeClient(string runtimeApi, HttpMessageHandler? handler = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runtimeApi);
        _base = $"http://{runtimeApi}/2018-06-01/runtime/";
        _http = new HttpClient(handler ?? new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Waits for the next invocation. Throws when the Runtime API fails (the runtime should then exit).</summary>
    public async Task<LambdaInvocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(_base + "invocation/next", HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The Lambda Runtime API answered {(int)response.StatusCode} to invocation/next.", null, response.StatusCode);
        }

        var requestId = Header(response, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new HttpRequestException("The Lambda Runtime API sent an invocation without Lambda-Runtime-Aws-Request-Id.");
        DateTimeOffset? deadline = long.TryParse(Header(response, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new LambdaInvocation(requestId, deadline, Header(response, "Lambda-Runtime-Invoked-Function-Arn"), Header(response, "Lambda-Runtime-Trace-Id"), body);
    }

    /// <summary>Sends the result of an invocation.</summary>
    public async Task RespondAsync(string requestId, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(_base + "invocation/" + Uri.EscapeDataString(requestId) + "/response", content, cancellationToken).ConfigureAwait(false);
        EnsureAccepted(response, "response");
    }

    /// <summary>Reports that an invocation failed.</summary>
    public Task ReportErrorAsync(string requestId, string errorType, string message, CancellationToken cancellationToken)
        => PostErrorAsync("invocation/" + Uri.EscapeDataString(requestId) + "/error", errorType, message, cancellationToken);

    /// <summary>Reports a start-up failure (the runtime exits afterwards).</summary>
    public Task ReportInitErrorAsync(string errorType, string message, CancellationToken cancellationToken)
        => PostErrorAsync("init/error", errorType, message, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task PostErrorAsync(string path, string errorType, string message, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new LambdaError { ErrorMessage = message, ErrorType = errorType }, LambdaJsonContext.Default.LambdaError);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(ErrorContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, _base + path) { Content = content };
        request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        EnsureAccepted(response, path);
    }

    private static void EnsureAccepted(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The Lambda Runtime API answered {(int)response.StatusCode} to {what}.", null, response.StatusCode);
        }
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
