using System.CommandLine;
using AgentHost.Supervisor;
using Microsoft.Extensions.Logging;

namespace AgentHost.Cli.Commands;

/// <summary>
/// <c>agenthost supervisor</c>: runs the supervisor console over the configured stores (the ones the runtime uses) until
/// Ctrl+C. Without <c>Supervisor:Authority</c> it is in development mode: loopback only, and it prints a sign-in link with a
/// token generated at start-up (every role).
/// </summary>
internal static class SupervisorCommand
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var url = new Option<string?>("--url") { Description = "The address to listen on (Supervisor:ConsoleUrl; default http://127.0.0.1:5140; port 0 picks a free one)." };
        var command = new Command("supervisor", "Run the supervisor console (live conversations, guidance, approvals, escalation) until Ctrl+C.") { url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var support = SupervisionCommandSupport.Open(global, parse);
            var settings = support.Settings!.Supervisor;
            if (support.Sqlite is { } sqlite)
            {
                await sqlite.PurgeAsync(DateTimeOffset.UtcNow.AddHours(-settings.RetentionHours), cancellationToken);
            }

            var options = new SupervisorConsoleOptions
            {
                Url = parse.GetValue(url) ?? settings.ConsoleUrl,
                Authority = settings.Authority,
                Audience = settings.Audience,
                RoleClaim = settings.RoleClaim,
                FrameAncestors = settings.FrameAncestors,
            };
            var services = new SupervisorConsoleServices(support.Layer, support.Control?.Layer.Approvals, support.Control?.Layer.AuditStore, TimeProvider.System);
            await using var console = SupervisorConsole.Create(services, options, logging =>
            {
                if (parse.GetValue(global.Verbose))
                {
                    logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
                }
            });
            await console.StartAsync(cancellationToken);
            var address = console.Address.ToString().TrimEnd('/');
            await context.Output.WriteLineAsync($"Supervisor console: {address}  ({support.Layer.Feed.GetType().Name}; Ctrl+C stops it)");
            if (console.DevelopmentTokenValue is { } token)
            {
                await context.Output.WriteLineAsync("Development mode (loopback only). Sign in with this link (the token is valid 12 hours, for this run only):");
                await context.Output.WriteLineAsync($"  {address}/login?token={token}");
                await context.Output.WriteLineAsync($"Development token (roles supervisor, approver, auditor): {token}");
            }
            else
            {
                await context.Output.WriteLineAsync($"Tokens from {options.Authority} (audience {options.Audience}, roles in the '{options.RoleClaim}' claim).");
            }

            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
            {
                c.Cancel = true;
                stop.Cancel();
            });
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop.Token);
                await Task.Delay(Timeout.Infinite, linked.Token);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            return 0;
        });
        return command;
    }
}
