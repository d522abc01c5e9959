using System.Net;

namespace AgentHost.Gateway.Connections;

/// <summary>Counts MCP HTTP responses that mean "re-authenticate and re-initialise": 401 (token expired) and 404 (session gone).</summary>
internal sealed class RejectionObserverHandler : DelegatingHandler
{
    private long _rejections;
    private long _requests;

    public long Rejections => Interlocked.Read(ref _rejections);

    public long Requests => Interlocked.Read(ref _requests);

    public HttpStatusCode? LastRejection { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound)
        {
            LastRejection = response.StatusCode;
            Interlocked.Increment(ref _rejections);
        }

        return response;
    }
}
