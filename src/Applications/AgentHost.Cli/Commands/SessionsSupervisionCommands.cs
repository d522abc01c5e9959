using System.CommandLine;
using AgentHost.Abstractions.Supervision;
using AgentHost.Supervision.Activity;

namespace AgentHost.Cli.Commands;

/// <summary><c>agenthost sessions watch ID</c> and <c>agenthost sessions guide ID TEXT</c> over the shared supervision store.</summary>
internal static class SessionsSupervisionCommands
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static Command Watch(GlobalOptions global, CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The session id." };
        var fromStart = new Option<bool>("--from-start") { Description = "Print the session's whole feed first (default: the last 20 events)." };
        var untilIdle = new Option<bool>("--until-idle") { Description = "Exit when a turn finishes (for scripts)." };
        var command = new Command("watch", "Tail a conversation live: turns, messages, tool calls (masked), approvals, guidance. Ctrl+C stops.") { id, fromStart, untilIdle };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var support = SupervisionCommandSupport.Open(global, parse);
            var feed = support.Layer.Feed;
            var session = parse.GetValue(id)!;
            var live = await feed.GetSessionAsync(session, cancellationToken);
            var after = 0L;
            if (live is not null && !parse.GetValue(fromStart))
            {
                after = Math.Max(0, live.LastSequence - 20);
            }

            await context.Output.WriteLineAsync(live is null
                ? $"Session {session}: no activity yet; waiting (Ctrl+C stops)."
                : $"Session {session}: {live.Status}, channel {live.Channel ?? "-"}, customer {live.Customer ?? "-"}, {live.Turns} turns (Ctrl+C stops).");
            while (!cancellationToken.IsCancellationRequested)
            {
                var events = await feed.ReadAsync(session, after, 200, cancellationToken);
                foreach (var activity in events)
                {
                    after = activity.Sequence;
                    await context.Output.WriteLineAsync(ActivityText.Line(activity));
                    if (parse.GetValue(untilIdle) && activity.Kind == ActivityKinds.TurnFinished)
                    {
                        return 0;
                    }
                }

                if (events.Count == 0)
                {
                    await Task.Delay(PollInterval, cancellationToken);
                }
            }

            return 0;
        });
        return command;
    }

    public static Command Guide(GlobalOptions global, CliContext context)
    {
        var id = new Argument<string>("id") { Description = "The session id." };
        var text = new Argument<string>("text") { Description = "The guidance (the customer never sees it)." };
        var by = new Option<string?>("--by") { Description = "Who gives it (recorded and audited). Default: $USER." };
        var command = new Command("guide", "Store guidance for a session: its next model call receives it (now, if a turn is running, else at the customer's next message).") { id, text, by };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var support = SupervisionCommandSupport.Open(global, parse);
            var author = parse.GetValue(by) ?? Environment.GetEnvironmentVariable("USER") ?? "cli";
            var guidance = await support.Layer.Guidance.AddAsync(parse.GetValue(id)!, parse.GetValue(text)!, author, cancellationToken);
            await context.Output.WriteLineAsync($"Guidance {guidance.Id} stored for session {guidance.SessionId}; the next model call of the session applies it.");
            return 0;
        });
        return command;
    }
}
