using AgentHost.Gateway.ConformanceClient;

// The MCP conformance suite runs: <this program> <server URL>, with the scenario in MCP_CONFORMANCE_SCENARIO and, for some
// scenarios, data in MCP_CONFORMANCE_CONTEXT (JSON). Exit code 0 when the scenario's client steps succeeded.
if (args.Length < 1 || Environment.GetEnvironmentVariable("MCP_CONFORMANCE_SCENARIO") is not { Length: > 0 } scenario)
{
    await Console.Error.WriteLineAsync("Usage: MCP_CONFORMANCE_SCENARIO=<scenario> AgentHost.Gateway.ConformanceClient <server URL>");
    return 2;
}

try
{
    return await ScenarioRunner.RunAsync(scenario, new Uri(args[^1]), Environment.GetEnvironmentVariable("MCP_CONFORMANCE_CONTEXT"));
}
catch (Exception ex)
{
    await Console.Error.WriteLineAsync($"Scenario {scenario} failed: {ex}");
    return 1;
}
