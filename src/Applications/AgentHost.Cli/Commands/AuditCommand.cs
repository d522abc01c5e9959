using System.CommandLine;
using AgentHost.Control.Audit;

namespace AgentHost.Cli.Commands;

/// <summary><c>agenthost audit verify [--session ID]</c> and <c>agenthost audit export --session ID</c>.</summary>
internal static class AuditCommand
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var command = new Command("audit", "Verify and export the hash-chained audit trail.");

        var verifySession = new Option<string?>("--session") { Description = "Verify one session (default: every session in the store)." };
        var verify = new Command("verify", "Check every chain: exit 1 naming the first broken link of each broken session.") { verifySession };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            using var control = ControlCommandSupport.Open(global, parse);
            AuditVerification result;
            try
            {
                result = await AuditVerifier.VerifyAsync(control.Layer.AuditStore, parse.GetValue(verifySession), cancellationToken);
            }
            catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidDataException or FormatException)
            {
                // A record that no longer parses was edited outside the trail.
                await context.Error.WriteLineAsync($"BROKEN unreadable: a stored audit record cannot be read ({ex.Message}).");
                return 1;
            }

            foreach (var broken in result.Breaks)
            {
                await context.Error.WriteLineAsync($"BROKEN {broken.Kind.ToString().ToLowerInvariant()}: {broken.Message}");
            }

            await context.Output.WriteLineAsync($"{result.Sessions} session(s), {result.Records} record(s): {(result.IsValid ? "every chain is intact" : $"{result.Breaks.Count} broken chain(s)")}.");
            return result.IsValid ? 0 : 1;
        });

        var exportSession = new Option<string>("--session") { Description = "The session to export.", Required = true };
        var output = new Option<string?>("--output") { Description = "Write to this file instead of standard output." };
        var export = new Command("export", "Write a session's audit records as JSON Lines (hashes and masked summaries only).") { exportSession, output };
        export.SetAction(async (parse, cancellationToken) =>
        {
            using var control = ControlCommandSupport.Open(global, parse);
            var session = parse.GetValue(exportSession)!;
            if (parse.GetValue(output) is { } path)
            {
                await using var file = new StreamWriter(path, append: false, AuditExporter.Encoding) { NewLine = "\n" };
                var written = await AuditExporter.ExportAsync(control.Layer.AuditStore, session, file, cancellationToken);
                await context.Output.WriteLineAsync($"Wrote {written} record(s) to {path}.");
                return written == 0 ? 1 : 0;
            }

            var count = await AuditExporter.ExportAsync(control.Layer.AuditStore, session, context.Output, cancellationToken);
            if (count == 0)
            {
                await context.Error.WriteLineAsync($"No audit records for session {session}.");
                return 1;
            }

            return 0;
        });

        command.Subcommands.Add(verify);
        command.Subcommands.Add(export);
        return command;
    }
}
