using AgentHost.Abstractions.Conversations;
using AgentHost.Cli.Clients;
using AgentHost.Cli.Output;

namespace AgentHost.Cli.Chat;

/// <summary>
/// The interactive conversation: reads lines, runs turns with streaming output, and handles the slash commands.
/// Ctrl+C cancels the running turn (the turn is stored as cancelled); on an empty prompt it ends the program.
/// Works the same with redirected input and output.
/// </summary>
internal sealed class ChatLoop(IAgentClient client, TextReader input, ConsoleRenderer renderer)
{
    private readonly object _gate = new();
    private CancellationTokenSource? _turn;

    public string SessionId { get; private set; } = NewSessionId();

    public static string NewSessionId() => "cli-" + Guid.CreateVersion7().ToString("N");

    /// <summary>Cancels the running turn. Returns false when no turn is running.</summary>
    public bool CancelRunningTurn()
    {
        lock (_gate)
        {
            if (_turn is null)
            {
                return false;
            }

            _turn.Cancel();
            return true;
        }
    }

    public async Task<int> RunAsync(string? sessionId, CancellationToken cancellationToken)
    {
        renderer.Line(client.Description);
        if (sessionId is not null)
        {
            await ResumeAsync(sessionId, cancellationToken);
        }
        else
        {
            renderer.Info($"Session {SessionId}. Type /help for commands, /exit to quit.");
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            renderer.Prompt("you> ");
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                renderer.Line();
                break;
            }

            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('/'))
            {
                if (!await HandleCommandAsync(line, cancellationToken))
                {
                    break;
                }

                continue;
            }

            await RunTurnAsync(line, cancellationToken);
        }

        return 0;
    }

    private async Task RunTurnAsync(string prompt, CancellationToken cancellationToken)
    {
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (_gate)
        {
            _turn = turn;
        }

        try
        {
            await foreach (var item in client.RunTurnAsync(SessionId, prompt, turn.Token))
            {
                if (item is CliTurnFinished finished)
                {
                    renderer.Summary(finished.Response);
                }
                else
                {
                    renderer.Render(item);
                }
            }
        }
        catch (OperationCanceledException) when (turn.IsCancellationRequested)
        {
            renderer.Info("  (turn cancelled)");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            renderer.Error(ex.Message);
        }
        finally
        {
            lock (_gate)
            {
                _turn = null;
            }
        }
    }

    private async Task<bool> HandleCommandAsync(string line, CancellationToken cancellationToken)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var command = (space < 0 ? line : line[..space]).ToUpperInvariant();
        var argument = space < 0 ? string.Empty : line[(space + 1)..].Trim();
        try
        {
            switch (command)
            {
                case "/EXIT":
                case "/QUIT":
                    return false;
                case "/HELP":
                    PrintHelp();
                    break;
                case "/NEW":
                    SessionId = NewSessionId();
                    renderer.Info($"New session {SessionId}.");
                    break;
                case "/SESSIONS":
                    await ListSessionsAsync(cancellationToken);
                    break;
                case "/RESUME":
                    await ResumeAsync(argument, cancellationToken);
                    break;
                case "/HISTORY":
                    await HistoryPrinter.PrintAsync(client, SessionId, renderer, cancellationToken);
                    break;
                case "/TOOLS":
                    var tools = await client.ListToolsAsync(cancellationToken);
                    renderer.Line($"{tools.Count} tools:");
                    foreach (var (name, description) in tools.OrderBy(t => t.Name, StringComparer.Ordinal))
                    {
                        var first = description.Split('\n')[0];
                        renderer.Line($"  {name}  {(first.Length > 90 ? first[..90] + "..." : first)}");
                    }

                    break;
                default:
                    renderer.Error($"Unknown command {command.ToLowerInvariant()}. Type /help.");
                    break;
            }
        }
        catch (NotSupportedException ex)
        {
            renderer.Error(ex.Message);
        }

        return true;
    }

    private async Task ListSessionsAsync(CancellationToken cancellationToken)
    {
        var sessions = await client.ListSessionsAsync(20, cancellationToken);
        if (sessions.Count == 0)
        {
            renderer.Line("No sessions yet.");
            return;
        }

        foreach (var session in sessions)
        {
            var marker = session.SessionId == SessionId ? "*" : " ";
            renderer.Line($"{marker} {session.SessionId}  {session.UpdatedAt:yyyy-MM-dd HH:mm}  {session.TurnCount} turns  {session.Metadata.Channel ?? "-"}  {session.Metadata.Status ?? "-"}");
        }
    }

    private async Task ResumeAsync(string argument, CancellationToken cancellationToken)
    {
        var sessions = await client.ListSessionsAsync(1000, cancellationToken);
        SessionHeader? match;
        if (argument.Length == 0)
        {
            match = sessions.FirstOrDefault();
        }
        else
        {
            var candidates = sessions.Where(s => s.SessionId.StartsWith(argument, StringComparison.Ordinal)).ToList();
            match = candidates.FirstOrDefault(s => s.SessionId == argument) ?? (candidates.Count == 1 ? candidates[0] : null);
            if (match is null && candidates.Count > 1)
            {
                renderer.Error($"'{argument}' matches {candidates.Count} sessions; give more characters.");
                return;
            }
        }

        if (match is null)
        {
            renderer.Error(argument.Length == 0 ? "There is no session to resume." : $"No session '{argument}'. Use /sessions to list them.");
            return;
        }

        SessionId = match.SessionId;
        renderer.Info($"Resumed session {SessionId} ({match.TurnCount} turns). /history shows it.");
    }

    private void PrintHelp()
    {
        renderer.Line("Commands:");
        renderer.Line("  /new          start a new session");
        renderer.Line("  /sessions     list recent sessions");
        renderer.Line("  /resume [ID]  continue a session (the most recent without ID; a unique prefix is enough)");
        renderer.Line("  /history      show this session's conversation");
        renderer.Line("  /tools        list the tools the agent can use");
        renderer.Line("  /help         this help");
        renderer.Line("  /exit         quit (also Ctrl+D; Ctrl+C cancels a running turn)");
    }
}
