using System.CommandLine;
using AgentHost.DevGateway;

namespace AgentHost.Cli.Commands;

/// <summary><c>agenthost devgateway</c>: runs the local development gateway on its own.</summary>
internal static class DevGatewayCommand
{
    public static Command Create(CliContext context)
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 8765 };
        var delay = new Option<int>("--response-delay-ms") { Description = "Wait this long after each tool ran before answering (a slow backend).", DefaultValueFactory = _ => 0 };
        var callLog = new Option<string?>("--call-log") { Description = "Append the name of every tool that ran to this file (never arguments)." };
        var command = new Command("devgateway", "Run the local development gateway (an MCP server with the contact-centre catalog) until Ctrl+C. The optional bearer token comes from AGENTHOST_DEVGATEWAY_TOKEN.") { port, delay, callLog };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var token = Environment.GetEnvironmentVariable(DevGatewayOptions.BearerTokenEnvironmentVariable);
            await using var gateway = await DevGatewayServer.StartAsync(new DevGatewayOptions
            {
                Port = parse.GetValue(port),
                BearerToken = string.IsNullOrEmpty(token) ? null : token,
                ResponseDelay = TimeSpan.FromMilliseconds(Math.Max(0, parse.GetValue(delay))),
                CallLogPath = parse.GetValue(callLog),
            }, cancellationToken);
            await context.Output.WriteLineAsync($"Development gateway: {gateway.Endpoint} ({gateway.ToolCount} tools{(token is { Length: > 0 } ? ", bearer token required" : string.Empty)}). Ctrl+C stops it.");
            await context.Output.WriteLineAsync($"Use it from a host: AGENTCORE_GATEWAY_DEV_URL={gateway.Endpoint}");
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
                await Task.Delay(Timeout.Infinite, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop.Token).Token);
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
