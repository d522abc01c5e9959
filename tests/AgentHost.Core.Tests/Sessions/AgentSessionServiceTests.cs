using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Agents;
using AgentHost.Core.Conversations;
using AgentHost.Core.Sessions;
using AgentHost.Testing.Models;

namespace AgentHost.Core.Tests.Sessions;

public sealed class AgentSessionServiceTests
{
    [Fact]
    public async Task RunTurnAsync_RetryWhileTheFirstRunFailsToStore_GetsTheSameConflictAsync()
    {
        var modelCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var model = new ScriptedChatClient().ThenAsync(async (_, ct) =>
        {
            modelCalled.SetResult();
            await release.Task.WaitAsync(ct);
            return Responses.Text("done");
        });
        var store = new ConflictingStore(new InMemoryConversationStore());
        var service = new AgentSessionService(new AgentLoop(model, StaticToolProvider.Empty, new AgentOptions()), store);
        var request = new SessionTurnRequest { SessionId = "s-1", Prompt = "hi", TurnId = "connect-retry" };

        var first = service.RunTurnAsync(request, TestContext.Current.CancellationToken);
        await modelCalled.Task.WaitAsync(TestContext.Current.CancellationToken);
        var retry = service.RunTurnAsync(request, TestContext.Current.CancellationToken);
        release.SetResult();

        await Assert.ThrowsAsync<ConversationConflictException>(() => first);
        await Assert.ThrowsAsync<ConversationConflictException>(() => retry);
        Assert.Single(model.Calls);
    }

    private sealed class ConflictingStore(IConversationStore inner) : IConversationStore
    {
        public Task<ConversationSnapshot> LoadAsync(string sessionId, int maxTurns, CancellationToken cancellationToken = default) => inner.LoadAsync(sessionId, maxTurns, cancellationToken);

        public Task<TurnRecord?> FindTurnAsync(string sessionId, string turnId, CancellationToken cancellationToken = default) => inner.FindTurnAsync(sessionId, turnId, cancellationToken);

        public Task<AppendTurnResult> AppendTurnAsync(TurnRecord turn, SessionMetadata? metadata = null, CancellationToken cancellationToken = default) =>
            Task.FromException<AppendTurnResult>(new ConversationConflictException(turn.SessionId, turn.Sequence));

        public IAsyncEnumerable<TurnRecord> ReadTurnsAsync(string sessionId, long fromSequence = 1, CancellationToken cancellationToken = default) => inner.ReadTurnsAsync(sessionId, fromSequence, cancellationToken);

        public Task<IReadOnlyList<SessionHeader>> ListSessionsAsync(SessionListQuery query, CancellationToken cancellationToken = default) => inner.ListSessionsAsync(query, cancellationToken);

        public Task<bool> UpdateMetadataAsync(string sessionId, SessionMetadata metadata, CancellationToken cancellationToken = default) => inner.UpdateMetadataAsync(sessionId, metadata, cancellationToken);

        public Task<bool> DeleteSessionAsync(string sessionId, CancellationToken cancellationToken = default) => inner.DeleteSessionAsync(sessionId, cancellationToken);
    }
}
