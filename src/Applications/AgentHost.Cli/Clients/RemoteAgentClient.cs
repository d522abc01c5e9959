using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using AgentHost.AgentCore.Runtime.Invocations;
using AgentHost.AgentCore.Runtime.Serialization;
using AgentHost.Aws.Credentials;
using AgentHost.Aws.Signing;

namespace AgentHost.Cli.Clients;

/// <summary>
/// Talks to a running host over the AgentCore Runtime contract: a local URL (<c>http://127.0.0.1:8080</c>) or a deployed
/// runtime ARN, called through InvokeAgentRuntime with SigV4 (service <c>bedrock-agentcore</c>) and the standard AWS credential chain.
/// </summary>
internal sealed class RemoteAgentClient : IAgentClient
{
    private readonly HttpClient _http;
    private readonly Uri _invocations;

    private RemoteAgentClient(HttpClient http, Uri invocations, string description)
    {
        _http = http;
        _invocations = invocations;
        Description = description;
    }

    public string Description { get; }

    public bool HasStore => false;

    /// <summary>Creates the client for a URL or a runtime ARN.</summary>
    /// <exception cref="ArgumentException">The target is neither an http(s) URL nor an AgentCore runtime ARN.</exception>
    public static RemoteAgentClient Create(string target, string? region)
    {
        if (target.StartsWith("arn:", StringComparison.Ordinal))
        {
            var parts = target.Split(':');
            if (parts.Length < 6 || parts[2] != "bedrock-agentcore" || !parts[5].StartsWith("runtime/", StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{target}' is not an AgentCore runtime ARN (arn:aws:bedrock-agentcore:REGION:ACCOUNT:runtime/ID).");
            }

            var arnRegion = region ?? parts[3];
            var endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_BEDROCK_AGENTCORE")
                ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL")
                ?? $"https://bedrock-agentcore.{arnRegion}.amazonaws.com";
            var uri = new Uri($"{endpoint.TrimEnd('/')}/runtimes/{Uri.EscapeDataString(target)}/invocations?qualifier=DEFAULT");
            var signer = new SigV4SigningHandler("bedrock-agentcore", arnRegion, new DefaultAwsCredentialsProvider(Environment.GetEnvironmentVariable("AWS_PROFILE")), new SocketsHttpHandler());
            return new RemoteAgentClient(new HttpClient(signer) { Timeout = TimeSpan.FromMinutes(15) }, uri, $"Remote AgentCore runtime {target} via InvokeAgentRuntime ({arnRegion})");
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttp && baseUri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{target}' is neither an http(s) URL nor an AgentCore runtime ARN.");
        }

        var invocations = baseUri.AbsolutePath.EndsWith("/invocations", StringComparison.Ordinal) ? baseUri : new Uri(baseUri, "/invocations");
        return new RemoteAgentClient(new HttpClient { Timeout = TimeSpan.FromMinutes(15) }, invocations, $"Remote host {invocations}");
    }

    public async IAsyncEnumerable<AgentEvent> RunTurnAsync(string sessionId, string prompt, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var body = new InvocationPayload { Prompt = prompt, SessionId = sessionId, Stream = true, Channel = "CLI" };
        using var request = new HttpRequestMessage(HttpMethod.Post, _invocations)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, RuntimeJsonContext.Default.InvocationPayload)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add(RuntimeHeaders.SessionId, sessionId);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"The host answered {(int)response.StatusCode} {response.ReasonPhrase}: {text}");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var eventName = "message";
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0 && Translate(eventName, data.ToString()) is { } translated)
                {
                    yield return translated;
                }

                (eventName, data) = ("message", data.Clear());
                continue;
            }

            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                eventName = line[6..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(5).TrimStart());
            }
        }

        if (data.Length > 0 && Translate(eventName, data.ToString()) is { } last)
        {
            yield return last;
        }
    }

    public Task<IReadOnlyList<SessionHeader>> ListSessionsAsync(int limit, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Sessions are stored by the remote host; run 'agenthost sessions' where the store is reachable.");

    public IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("History is stored by the remote host; run 'agenthost sessions show' where the store is reachable.");

    public Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Sessions are stored by the remote host.");

    public Task<IReadOnlyList<(string Name, string Description)>> ListToolsAsync(CancellationToken cancellationToken) =>
        throw new NotSupportedException("The remote host does not publish its tool list; see its start-up log.");

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static AgentEvent? Translate(string eventName, string data)
    {
        using var document = JsonDocument.Parse(data);
        var root = document.RootElement;
        switch (eventName)
        {
            case "message":
                if (root.ValueKind == JsonValueKind.String)
                {
                    return new TextDeltaEvent(root.GetString() ?? string.Empty, 0);
                }

                return root.TryGetProperty("text", out var text) ? new TextDeltaEvent(text.GetString() ?? string.Empty, 0) : null;
            case "tool_call":
                var progress = JsonSerializer.Deserialize(data, RuntimeJsonContext.Default.ToolCallProgress)!;
                return progress.Phase == "started"
                    ? new ToolCallStartedEvent(progress.ToolUseId, progress.Name, progress.Input)
                    : new ToolCallFinishedEvent(new ToolCallRecord(progress.ToolUseId, progress.Name, progress.Input, ToolCallStatusNames.Parse(progress.Status ?? "success"), progress.DurationMs ?? 0));
            case "done":
                return new CliTurnFinished(JsonSerializer.Deserialize(data, RuntimeJsonContext.Default.InvocationResponse)!);
            case "error":
                var error = JsonSerializer.Deserialize(data, RuntimeJsonContext.Default.ErrorResponse);
                throw new InvalidOperationException($"The turn failed: {error?.Error} ({error?.ErrorType})");
            default:
                return null;
        }
    }
}
