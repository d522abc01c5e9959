using System.CommandLine;
using System.Text.Json;
using AgentHost.AgentCore.Contracts;
using AgentHost.Cli.Chat;
using AgentHost.Cli.Clients;

namespace AgentHost.Cli.Commands;

/// <summary><c>agenthost invoke "prompt"</c>: one prompt, one answer.</summary>
internal static class InvokeCommand
{
    public static Command Create(AgentClientFactory clients, CliContext context)
    {
        var prompt = new Argument<string>("prompt") { Description = "What to ask the agent." };
        var session = new Option<string?>("--session") { Description = "The session to continue (default: a new one)." };
        var json = new Option<bool>("--json") { Description = "Print the raw JSON response (the /invocations shape) instead of text." };
        var command = new Command("invoke", "Send one prompt and print the answer.") { prompt, session, json };
        clients.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await clients.CreateAsync(parse, cancellationToken);
            var asJson = parse.GetValue(json);
            var sessionId = parse.GetValue(session) ?? ChatLoop.NewSessionId();
            CliTurnFinished? finished = null;
            await foreach (var item in client.RunTurnAsync(sessionId, parse.GetValue(prompt)!, cancellationToken))
            {
                if (item is CliTurnFinished done)
                {
                    finished = done;
                }
                else if (!asJson)
                {
                    context.Renderer.Render(item);
                }
            }

            if (finished is null)
            {
                await context.Error.WriteLineAsync("error: the turn ended without a result.");
                return 1;
            }

            if (asJson)
            {
                await context.Output.WriteLineAsync(JsonSerializer.Serialize(finished.Response, AgentCoreJsonContext.Default.InvocationResponse));
            }
            else
            {
                context.Renderer.Summary(finished.Response);
                context.Renderer.Info($"  session {finished.Response.SessionId}");
            }

            return finished.Response.StopReason == "error" ? 1 : 0;
        });
        return command;
    }
}
