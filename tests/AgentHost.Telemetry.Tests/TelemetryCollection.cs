namespace AgentHost.Telemetry.Tests;

/// <summary>
/// The tests that listen to AgentHost's ActivitySource and Meter (process-wide) run one at a time, so that one test's spans
/// and measurements do not land in another's receiver.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
