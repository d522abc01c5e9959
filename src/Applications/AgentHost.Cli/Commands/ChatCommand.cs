using System.CommandLine;
using AgentHost.Cli.Chat;

namespace AgentHost.Cli.Commands;

/// <summary><c>agenthost chat</c>: an interactive conversation.</summary>
internal static class ChatCommand
{
    public static Command Create(AgentClientFactory clients, CliContext context)
    {
        var session = new Option<string?>("--session") { Description = "Continue this session (default: a new one)." };
        var command = new Command("chat", "Chat with the agent: streaming answers, tool calls as they happen, /help for commands.") { session };
        clients.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await clients.CreateAsync(parse, cancellationToken);
            var loop = new ChatLoop(client, context.Input, context.Renderer);
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                // Ctrl+C cancels the running turn, not the program; with no turn running it ends the chat.
                e.Cancel = loop.CancelRunningTurn();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                return await loop.RunAsync(parse.GetValue(session), cancellationToken);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        });
        return command;
    }
}
