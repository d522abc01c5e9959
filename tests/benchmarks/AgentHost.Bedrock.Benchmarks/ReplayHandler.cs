using System.Net;
using System.Net.Http.Headers;

namespace AgentHost.Bedrock.Benchmarks;

/// <summary>Answers every request with the same event-stream body, after draining the request content.</summary>
internal sealed class ReplayHandler(byte[] body) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var content = new StreamContent(new MemoryStream(body, writable: false));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.amazon.eventstream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
    }
}
