namespace AgentHost.Bedrock.Http;

/// <summary>
/// Tracks retries of one logical call: at most <see cref="BedrockChatClientOptions.MaxRetries"/> retries, jittered
/// exponential backoff capped by <see cref="BedrockChatClientOptions.MaxRetryDelay"/>, and no retry that would
/// start after <see cref="BedrockChatClientOptions.MaxRetryDuration"/>.
/// </summary>
internal sealed class RetryBudget(BedrockChatClientOptions options, TimeProvider timeProvider)
{
    private readonly long _started = timeProvider.GetTimestamp();

    public int Retries { get; private set; }

    public bool TryNext(out TimeSpan delay)
    {
        delay = TimeSpan.Zero;
        if (Retries >= options.MaxRetries)
        {
            return false;
        }

        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Retries);
        var cap = Math.Min(options.MaxRetryDelay.TotalMilliseconds, exponential);
#pragma warning disable CA5394 // Jitter does not need a cryptographic random source.
        delay = TimeSpan.FromMilliseconds((cap / 2) + (Random.Shared.NextDouble() * cap / 2));
#pragma warning restore CA5394
        if (timeProvider.GetElapsedTime(_started) + delay > options.MaxRetryDuration)
        {
            return false;
        }

        Retries++;
        return true;
    }
}
