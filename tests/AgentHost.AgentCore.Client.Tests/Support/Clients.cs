using AgentHost.Aws.Credentials;
using AgentHost.Testing.Time;

namespace AgentHost.AgentCore.Client.Tests.Support;

/// <summary>Builds clients for the fake data plane; the waits between retries are recorded and pass on the manual clock.</summary>
internal sealed class Clients
{
    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 5, 9, 0, 0, TimeSpan.Zero));

    public List<TimeSpan> Delays { get; } = [];

    /// <summary>The jitter draw, 0 to 1 (default 1: each wait is its full cap).</summary>
    public double Jitter { get; set; } = 1.0;

    public AgentRuntimeClient Create(AgentRuntimeTarget target, AgentRuntimeClientOptions? options = null, HttpMessageHandler? transport = null) =>
        new(
            target,
            options ?? new AgentRuntimeClientOptions(),
            new StaticAwsCredentialsProvider(FakeDataPlane.Credentials),
            transport,
            Time,
            logger: null,
            delay: (wait, token) =>
            {
                token.ThrowIfCancellationRequested();
                lock (Delays)
                {
                    Delays.Add(wait);
                }

                Time.Advance(wait);
                return Task.CompletedTask;
            },
            jitter: () => Jitter);

    public static AgentRuntimeRequest Request(string prompt = "Hello", string? turnId = null, DateTimeOffset? deadline = null, string sessionId = FakeDataPlane.SessionId) =>
        new() { SessionId = sessionId, Prompt = prompt, TurnId = turnId, Deadline = deadline, Channel = "VOICE", ContactId = "11111111-2222-3333-4444-555555555555" };
}
