using System.CommandLine;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using AgentHost.Hosting.Composition;
using AgentHost.Supervision.Guidance;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Cli.Commands;

/// <summary><c>agenthost sessions list|show|delete</c> over the configured conversation store.</summary>
internal static class SessionsCommand
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var command = new Command("sessions", "List, show, delete, watch and guide conversations.");

        var limit = new Option<int>("--limit") { Description = "How many sessions to list.", DefaultValueFactory = _ => 20 };
        var status = new Option<string?>("--status") { Description = "Only sessions with this status (active, escalated, closed)." };
        var list = new Command("list", "List recent sessions, newest first.") { limit, status };
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var store = OpenStore(global, parse);
            var sessions = await store.Store.ListSessionsAsync(new SessionListQuery { Limit = parse.GetValue(limit), Status = parse.GetValue(status) }, cancellationToken);
            if (sessions.Count == 0)
            {
                await context.Output.WriteLineAsync("No sessions.");
                return 0;
            }

            foreach (var session in sessions)
            {
                await context.Output.WriteLineAsync($"{session.SessionId}  {session.UpdatedAt:yyyy-MM-dd HH:mm:ss}  {session.TurnCount} turns  {session.Metadata.Channel ?? "-"}  {session.Metadata.Status ?? "-"}");
            }

            return 0;
        });

        var showId = new Argument<string>("id") { Description = "The session id." };
        var show = new Command("show", "Show a session's conversation.") { showId };
        show.SetAction(async (parse, cancellationToken) =>
        {
            using var store = OpenStore(global, parse);
            var id = parse.GetValue(showId)!;
            var count = 0;
            await foreach (var turn in store.Store.ReadTurnsAsync(id, 1, cancellationToken))
            {
                count++;
                await context.Output.WriteLineAsync($"[{turn.Sequence}] {turn.CreatedAt:yyyy-MM-dd HH:mm:ss} turn {turn.TurnId} ({turn.Outcome.StopReason.ToWireName()}, {turn.Outcome.Usage.TotalTokens} tokens)");
                foreach (var message in turn.Messages.Where(m => !string.IsNullOrEmpty(m.Text)))
                {
                    var line = GuidanceMessages.IsGuidance(message, out _)
                        ? $"  supervisor> {GuidanceMessages.TextOf(message)} (guidance; the customer did not see it)"
                        : $"  {(message.Role == ChatRole.User ? "you" : "agent")}> {message.Text}";
                    await context.Output.WriteLineAsync(line);
                }

                foreach (var call in turn.Outcome.ToolCalls)
                {
                    await context.Output.WriteLineAsync($"    tool {call.Name} {call.Input.GetRawText()} -> {call.Status.ToWireName()}");
                }
            }

            if (count == 0)
            {
                await context.Error.WriteLineAsync($"No session '{id}'.");
                return 1;
            }

            return 0;
        });

        var deleteId = new Argument<string>("id") { Description = "The session id." };
        var delete = new Command("delete", "Delete a session and all its turns.") { deleteId };
        delete.SetAction(async (parse, cancellationToken) =>
        {
            using var store = OpenStore(global, parse);
            var id = parse.GetValue(deleteId)!;
            if (await store.Store.DeleteSessionAsync(id, cancellationToken))
            {
                await context.Output.WriteLineAsync($"Deleted session {id}.");
                return 0;
            }

            await context.Error.WriteLineAsync($"No session '{id}'.");
            return 1;
        });

        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        command.Subcommands.Add(delete);
        command.Subcommands.Add(SessionsSupervisionCommands.Watch(global, context));
        command.Subcommands.Add(SessionsSupervisionCommands.Guide(global, context));
        return command;
    }

    private static StoreRegistration OpenStore(GlobalOptions global, ParseResult parse)
    {
        var (_, settings) = global.Load(parse);
        return new StoreRegistration(StoreFactory.Create(settings.Store, TimeProvider.System, NullLoggerFactory.Instance));
    }
}
