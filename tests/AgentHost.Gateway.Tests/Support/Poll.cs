namespace AgentHost.Gateway.Tests.Support;

/// <summary>Bounded polling: waits for a condition without asserting on elapsed time.</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition, string what, Action? eachRound = null, int maxSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(maxSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up waiting for: {what}");
            }

            eachRound?.Invoke();
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
