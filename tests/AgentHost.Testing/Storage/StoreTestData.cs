using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using Microsoft.Extensions.AI;

namespace AgentHost.Testing.Storage;

/// <summary>Builds turns for store tests and compares stored turns with the originals.</summary>
public static class StoreTestData
{
    public static string NewSessionId() => "s-" + Guid.NewGuid().ToString("N");

    public static TurnRecord Turn(string sessionId, long sequence, string? turnId = null, string? text = null) => new(
        sessionId,
        sequence,
        turnId ?? $"turn-{sequence}-{Guid.NewGuid():N}",
        new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddSeconds(sequence).AddTicks(1234567),
        [
            new ChatMessage(ChatRole.User, text ?? $"question {sequence}"),
            new ChatMessage(ChatRole.Assistant, $"answer {sequence}"),
        ],
        new TurnOutcome($"answer {sequence}", StopReason.EndTurn, [], new TokenUsage(10, 5, 15), 1));

    public static TurnRecord ToolTurn(string sessionId, long sequence, string toolResult)
    {
        using var input = JsonDocument.Parse("""{"orderId":"A-17","expand":true}""");
        return new TurnRecord(
            sessionId,
            sequence,
            $"tool-turn-{sequence}",
            DateTimeOffset.UnixEpoch.AddDays(20000),
            [
                new ChatMessage(ChatRole.User, "where is my order?"),
                new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call-1", "lookup_order", new Dictionary<string, object?> { ["orderId"] = "A-17" })]),
                new ChatMessage(ChatRole.Tool, [new FunctionResultContent("call-1", toolResult)]),
                new ChatMessage(ChatRole.Assistant, "It ships tomorrow."),
            ],
            new TurnOutcome(
                "It ships tomorrow.",
                StopReason.EndTurn,
                [new ToolCallRecord("call-1", "lookup_order", input.RootElement.Clone(), ToolCallStatus.Success, 12.5)],
                new TokenUsage(100, 20, 120),
                2));
    }

    public static void AssertSameTurn(TurnRecord expected, TurnRecord actual)
    {
        Xunit.Assert.Equal(expected.SessionId, actual.SessionId);
        Xunit.Assert.Equal(expected.Sequence, actual.Sequence);
        Xunit.Assert.Equal(expected.TurnId, actual.TurnId);
        Xunit.Assert.Equal(expected.CreatedAt, actual.CreatedAt);
        Xunit.Assert.Equal(
            System.Text.Encoding.UTF8.GetString(ConversationJson.SerializeMessages(expected.Messages)),
            System.Text.Encoding.UTF8.GetString(ConversationJson.SerializeMessages(actual.Messages)));
        Xunit.Assert.Equal(
            System.Text.Encoding.UTF8.GetString(ConversationJson.SerializeOutcome(expected.Outcome)),
            System.Text.Encoding.UTF8.GetString(ConversationJson.SerializeOutcome(actual.Outcome)));
    }

    public static async Task<List<TurnRecord>> ReadAllAsync(IConversationStore store, string sessionId, long fromSequence = 1)
    {
        var turns = new List<TurnRecord>();
        await foreach (var turn in store.ReadTurnsAsync(sessionId, fromSequence))
        {
            turns.Add(turn);
        }

        return turns;
    }
}
