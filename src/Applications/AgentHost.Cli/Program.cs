using AgentHost.Cli;
using AgentHost.Cli.Commands;

return await CliApplication.RunAsync(args, CliContext.FromConsole());
