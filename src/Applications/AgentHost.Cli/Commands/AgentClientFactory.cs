using System.CommandLine;
using AgentHost.Cli.Clients;

namespace AgentHost.Cli.Commands;

/// <summary>Creates the in-process agent or a remote client for <c>--url</c>.</summary>
internal sealed class AgentClientFactory(GlobalOptions global)
{
    public Option<string?> Url { get; } = new("--url") { Description = "A running host (http://127.0.0.1:8080) or a deployed AgentCore runtime ARN; default: run the agent in this process." };

    public Option<string?> Region { get; } = new("--region") { Description = "AWS region for a runtime ARN (default: the ARN's region)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Region);
    }

    public async Task<IAgentClient> CreateAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (parse.GetValue(Url) is { Length: > 0 } url)
        {
            return RemoteAgentClient.Create(url, parse.GetValue(Region));
        }

        var (configuration, settings) = global.Load(parse);
        return await InProcessAgentClient.StartAsync(configuration, settings, parse.GetValue(global.Verbose), cancellationToken);
    }
}
