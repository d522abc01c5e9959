using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AgentHost.Aws.Tests.Support;

/// <summary>A one-request HTTP/1.1 server on 127.0.0.1 that captures the raw request as it crossed the wire.</summary>
internal sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public RawHttpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>Accepts one connection and returns the request line, the headers (in wire order) and the body.</summary>
    public async Task<(string RequestLine, List<KeyValuePair<string, string>> Headers, byte[] Body)> ReceiveOneAsync(CancellationToken cancellationToken)
    {
        using var client = await _listener.AcceptTcpClientAsync(cancellationToken);
        var stream = client.GetStream();
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                throw new IOException("Connection closed before the headers ended.");
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. buffer.Take(headerEnd)]).Split("\r\n");
        var headers = head.Skip(1).Select(l => l.Split(':', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1].Trim())).ToList();
        var length = int.Parse(headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var body = buffer.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            body.AddRange(chunk.AsSpan(0, read));
        }

        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), cancellationToken);
        return (head[0], headers, [.. body]);
    }

    public void Dispose() => _listener.Stop();

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
