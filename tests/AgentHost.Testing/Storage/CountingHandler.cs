using System.Collections.Concurrent;

namespace AgentHost.Testing.Storage;

/// <summary>
/// Counts requests (by X-Amz-Target operation) and request body bytes. <see cref="FailBeforeSend"/> and
/// <see cref="FailAfterSend"/> simulate a crash before a request reaches DynamoDB or after it was applied.
/// </summary>
public sealed class CountingHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private long _requests;
    private long _bytes;

    public ConcurrentDictionary<string, int> Operations { get; } = new(StringComparer.Ordinal);

    public long Requests => Interlocked.Read(ref _requests);

    public long BytesSent => Interlocked.Read(ref _bytes);

    public Func<string, bool>? FailBeforeSend { get; set; }

    public Func<string, bool>? FailAfterSend { get; set; }

    public void Reset()
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _bytes, 0);
        Operations.Clear();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = request.Headers.TryGetValues("X-Amz-Target", out var targets) ? targets.First().Split('.')[^1] : "?";
        if (FailBeforeSend?.Invoke(operation) == true)
        {
            throw new HttpRequestException($"Simulated crash before {operation} was sent.");
        }

        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _bytes, body.Length);
        Operations.AddOrUpdate(operation, 1, (_, n) => n + 1);
        var response = await base.SendAsync(request, cancellationToken);
        if (FailAfterSend?.Invoke(operation) == true)
        {
            response.Dispose();
            throw new HttpRequestException($"Simulated crash after {operation} was applied.");
        }

        return response;
    }
}
