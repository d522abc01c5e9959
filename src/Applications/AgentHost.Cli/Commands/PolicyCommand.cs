using System.CommandLine;
using System.Text.Json;
using AgentHost.Control.Middleware;
using AgentHost.Control.Policy;

namespace AgentHost.Cli.Commands;

/// <summary><c>agenthost policy check FILE</c> and <c>agenthost policy explain --tool T --args JSON --profile P</c>.</summary>
internal static class PolicyCommand
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var command = new Command("policy", "Validate and explain the tool policy (risk policy as code).");

        var file = new Argument<string>("file") { Description = "The policy file (JSON, see policy.schema.json)." };
        var check = new Command("check", "Validate a policy file; exit 1 naming the line of the first problem.") { file };
        check.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            try
            {
                var policy = PolicyLoader.LoadFile(Path.GetFullPath(path));
                await context.Output.WriteLineAsync($"{path}: valid, {policy.Rules.Count} rules, default approval timeout {policy.ApprovalTimeout}.");
                foreach (var rule in policy.Rules)
                {
                    await context.Output.WriteLineAsync($"  line {rule.Line}: {rule.Id} -> {Describe(rule)}");
                }

                return 0;
            }
            catch (PolicyFileException ex)
            {
                await context.Error.WriteLineAsync(ex.Message);
                return 1;
            }
        });

        var tool = new Option<string>("--tool") { Description = "The tool name.", Required = true };
        var args = new Option<string>("--args") { Description = "The arguments as a JSON object.", DefaultValueFactory = _ => "{}" };
        var profile = new Option<string?>("--profile") { Description = "The caller's profile." };
        var channel = new Option<string?>("--channel") { Description = "The channel (VOICE, CHAT, ...)." };
        var readOnly = new Option<bool>("--read-only") { Description = "The tool is annotated read-only." };
        var notDestructive = new Option<bool>("--not-destructive") { Description = "The tool is annotated not destructive." };
        var policyFile = new Option<string?>("--policy") { Description = "A policy file (default: the configured one, AGENTHOST_POLICY_FILE, else the shipped default)." };
        var explain = new Command("explain", "Print the rule that decides a call, and why each earlier rule did not match.") { tool, args, profile, channel, readOnly, notDestructive, policyFile };
        explain.SetAction(async (parse, cancellationToken) =>
        {
            ToolPolicy policy;
            try
            {
                var (_, settings) = global.Load(parse);
                policy = parse.GetValue(policyFile) is { } explicitFile
                    ? PolicyLoader.LoadFile(Path.GetFullPath(explicitFile), settings.Control.ReadOnly)
                    : Hosting.Composition.ControlFactory.LoadPolicy(settings.Control);
            }
            catch (PolicyFileException ex)
            {
                await context.Error.WriteLineAsync(ex.Message);
                return 1;
            }

            JsonElement arguments;
            try
            {
                using var document = JsonDocument.Parse(parse.GetValue(args)!);
                arguments = document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                await context.Error.WriteLineAsync($"--args is not valid JSON: {ex.Message}");
                return CliApplication.UsageError;
            }

            if (arguments.ValueKind != JsonValueKind.Object)
            {
                await context.Error.WriteLineAsync("--args must be a JSON object, e.g. {\"amount\": 1200}.");
                return CliApplication.UsageError;
            }

            var decision = policy.Evaluate(new PolicyRequest
            {
                ToolName = parse.GetValue(tool)!,
                Annotations = new ToolHints(parse.GetValue(readOnly) ? true : null, parse.GetValue(notDestructive) ? false : null),
                Profile = parse.GetValue(profile),
                Channel = parse.GetValue(channel),
                Arguments = arguments,
            });
            var effect = decision.Effect == PolicyEffect.Allow ? "allow" : "deny";
            await context.Output.WriteLineAsync($"Decision: {effect} by rule {decision.RuleId} (risk {PolicyToolCallMiddleware.RiskName(decision.Risk)}, approval {PolicyToolCallMiddleware.ApprovalName(decision.Approval)}{(decision.NeedsApproval ? $", expires after {decision.ApprovalTimeout}" : string.Empty)})");
            await context.Output.WriteLineAsync($"Why: {decision.Reason}");
            await context.Output.WriteLineAsync($"Policy: {policy.Source}{(policy.ReadOnlyMode ? " (read-only mode)" : string.Empty)}");
            foreach (var line in decision.Trace)
            {
                await context.Output.WriteLineAsync($"  {line}");
            }

            return 0;
        });

        command.Subcommands.Add(check);
        command.Subcommands.Add(explain);
        return command;
    }

    private static string Describe(PolicyRule rule) => rule.Effect == PolicyEffect.Deny
        ? "deny"
        : $"allow, risk {PolicyToolCallMiddleware.RiskName(rule.Risk)}, approval {PolicyToolCallMiddleware.ApprovalName(rule.Approval)}";
}
