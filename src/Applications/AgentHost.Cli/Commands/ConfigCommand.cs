using System.CommandLine;
using AgentHost.Hosting.Configuration;

namespace AgentHost.Cli.Commands;

/// <summary><c>agenthost config show</c>: the effective configuration, secrets redacted.</summary>
internal static class ConfigCommand
{
    public static Command Create(GlobalOptions global, CliContext context)
    {
        var command = new Command("config", "Inspect the configuration.");
        var show = new Command("show", "Validate and print the effective configuration with each value's source (secrets redacted).");
        show.SetAction(async (parse, _) =>
        {
            var (configuration, settings) = global.Load(parse);
            await context.Output.WriteAsync(ConfigurationPrinter.Render(configuration, settings));
            return 0;
        });
        command.Subcommands.Add(show);
        return command;
    }
}
