using System.Diagnostics;
using System.Runtime.InteropServices;
using AgentHost.Connect.Bridge;
using AgentHost.Connect.Lambda;
using AgentHost.Connect.Lambda.Configuration;
using AgentHost.Connect.Lambda.LambdaRuntime;
using AgentHost.Connect.Lambda.Logging;

var started = Stopwatch.GetTimestamp();
var logger = new LambdaLogger("AgentHost.Connect", LambdaLogger.ParseLevel(Environment.GetEnvironmentVariable("AGENTHOST_LOG_LEVEL")));
using var stop = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var settings = LambdaSettings.Read(Environment.GetEnvironmentVariable, out var problems);
ConnectBridgeOptions? options = null;
string? startupProblem = problems.Count > 0 ? string.Join(" ", problems) : null;
try
{
    options = ConnectBridgeOptions.FromEnvironment();
}
catch (FormatException ex)
{
    startupProblem = ((startupProblem ?? string.Empty) + " " + ex.Message).Trim();
}

var runtimeApi = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
if (startupProblem is not null || settings is null || options is null)
{
    LambdaLog.StartupFailed(logger, startupProblem ?? "invalid configuration");
    if (!string.IsNullOrWhiteSpace(runtimeApi))
    {
        using var failing = new LambdaRuntimeClient(runtimeApi);
        try
        {
            await failing.ReportInitErrorAsync("Runtime.ConfigurationError", startupProblem ?? "invalid configuration", CancellationToken.None);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            LambdaLog.RuntimeApiFailed(logger, ex, ex.GetType().Name);
        }
    }

    return 2;
}

using var client = new LambdaRuntimeClient(settings.RuntimeApi);
using var invoker = RuntimeInvoker.Create(settings, options, logger);
var bridge = new ConnectBridge(invoker, options, TimeProvider.System, logger);
LambdaLog.Ready(logger, settings.RuntimeArn, settings.Qualifier, settings.Region, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
var host = new LambdaHost(client, (invocation, token) => bridge.HandleAsync(invocation.Body, invocation.Deadline, token), logger);
return await host.RunAsync(stop.Token);
