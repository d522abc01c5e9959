using AgentHost.Abstractions.Agents;
using AgentHost.Cli.Clients;
using AgentHost.Cli.Output;
using Microsoft.Extensions.AI;

namespace AgentHost.Cli.Chat;

/// <summary>Prints a session's stored conversation.</summary>
internal static class HistoryPrinter
{
    public static async Task PrintAsync(IAgentClient client, string sessionId, ConsoleRenderer renderer, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var turn in client.ReadTurnsAsync(sessionId, cancellationToken))
        {
            count++;
            renderer.Line($"[{turn.Sequence}] {turn.CreatedAt:yyyy-MM-dd HH:mm:ss}  ({turn.Outcome.StopReason.ToWireName()})");
            foreach (var message in turn.Messages)
            {
                if (message.Role == ChatRole.User && !string.IsNullOrEmpty(message.Text))
                {
                    renderer.Line($"  you> {message.Text}");
                }
                else if (message.Role == ChatRole.Assistant && !string.IsNullOrEmpty(message.Text))
                {
                    renderer.Line($"  agent> {message.Text}");
                }
            }

            foreach (var call in turn.Outcome.ToolCalls)
            {
                renderer.Line($"    tool {call.Name} {call.Input.GetRawText()} -> {call.Status.ToWireName()}");
            }
        }

        if (count == 0)
        {
            renderer.Line($"Session {sessionId} has no turns yet.");
        }
    }
}
