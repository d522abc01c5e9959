using System.Runtime.CompilerServices;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using AgentHost.Cli.Chat;
using AgentHost.Cli.Clients;
using AgentHost.Cli.Output;

namespace AgentHost.Cli.Tests;

public sealed class ChatLoopTests
{
    [Fact]
    public async Task CancelRunningTurn_DuringATurn_CancelsOnlyTheTurnAndTheChatGoesOnAsync()
    {
        var client = new BlockingClient();
        var input = new GatedReader("slow question", "/exit");
        var output = new StringWriter();
        var loop = new ChatLoop(client, input, new ConsoleRenderer(output, useColour: false));

        var run = loop.RunAsync(null, TestContext.Current.CancellationToken);
        await client.Started.Task.WaitAsync(TestContext.Current.CancellationToken);
        Assert.True(loop.CancelRunningTurn());
        input.Release();
        var exit = await run;

        Assert.Equal(0, exit);
        Assert.Contains("(turn cancelled)", output.ToString(), StringComparison.Ordinal);
        Assert.False(loop.CancelRunningTurn());
    }

    private sealed class GatedReader(params string[] lines) : TextReader
    {
        private readonly Queue<string> _lines = new(lines);
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public void Release() => _gate.TrySetResult();

        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _reads) > 1)
            {
                await _gate.Task.WaitAsync(cancellationToken);
            }

            return _lines.TryDequeue(out var line) ? line : null;
        }
    }

    private sealed class BlockingClient : IAgentClient
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Description => "test client";

        public bool HasStore => false;

        public async IAsyncEnumerable<AgentEvent> RunTurnAsync(string sessionId, string prompt, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield break;
        }

        public Task<IReadOnlyList<SessionHeader>> ListSessionsAsync(int limit, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<SessionHeader>>([]);

        public IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, CancellationToken cancellationToken) => AsyncEnumerable.Empty<TurnRecord>();

        public Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<IReadOnlyList<(string Name, string Description)>> ListToolsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<(string, string)>>([]);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
