using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;

namespace AgentHost.Supervisor.Benchmarks;

/// <summary>
/// What the conversation page does: reads <c>/sessions/{id}/events</c> (Server-Sent Events) and notes when each
/// <c>activity</c> frame (id = the feed sequence) arrives.
/// </summary>
internal sealed class StreamClient(HttpClient http, string sessionId)
{
    /// <summary>When each sequence of the session arrived (UTC).</summary>
    public ConcurrentDictionary<long, DateTimeOffset> Received { get; } = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/sessions/{Uri.EscapeDataString(sessionId)}/events?after=0");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            long? id = null;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("id: ", StringComparison.Ordinal))
                {
                    id = long.Parse(line.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture);
                }
                else if (line == "event: activity" && id is { } sequence)
                {
                    Received.TryAdd(sequence, DateTimeOffset.UtcNow);
                }
                else if (line.Length == 0)
                {
                    id = null;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
