using System.CommandLine;
using AgentHost.Connect.Flows;

namespace AgentHost.Cli.Commands;

/// <summary><c>agenthost flow lint FILE...</c>: checks Amazon Connect flows before they are deployed; exit 1 on any error.</summary>
internal static class FlowCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Flow files (flow language JSON, or an export with the flow under Content).", Arity = ArgumentArity.OneOrMore };
        var maxActions = new Option<int>("--max-actions") { Description = "The most actions a flow may have (Connect's default quota: 250).", DefaultValueFactory = _ => new FlowLintOptions().MaxActions };
        var quiet = new Option<bool>("--errors-only") { Description = "Print errors only, not warnings." };
        var lint = new Command("lint", "Lint Amazon Connect flows: structure (start action, targets, identifiers, reachability, action count, types) and the silent rejections (empty Conditions, LexInitializationData, CreateWisdomSession without WisdomAssistantArn). Exit code 1 when any file has an error, 2 when a file cannot be read.") { files, maxActions, quiet };
        lint.SetAction(async (parse, cancellationToken) =>
        {
            var options = new FlowLintOptions { MaxActions = parse.GetValue(maxActions) };
            var errorsOnly = parse.GetValue(quiet);
            var exit = 0;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                string json;
                try
                {
                    json = await File.ReadAllTextAsync(file, cancellationToken);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    await context.Error.WriteLineAsync($"{file}: cannot be read: {ex.Message}");
                    exit = 2;
                    continue;
                }

                var findings = FlowLinter.Lint(json, options);
                var errors = findings.Count(f => f.Severity == FlowSeverity.Error);
                foreach (var finding in findings.Where(f => !errorsOnly || f.Severity == FlowSeverity.Error))
                {
                    await context.Output.WriteLineAsync($"{file}: {finding}");
                }

                await context.Output.WriteLineAsync($"{file}: {(errors == 0 ? "ok" : "FAILED")} ({errors} error(s), {findings.Count - errors} warning(s))");
                if (errors > 0 && exit == 0)
                {
                    exit = 1;
                }
            }

            return exit;
        });

        return new Command("flow", "Amazon Connect contact flows.") { lint };
    }
}
