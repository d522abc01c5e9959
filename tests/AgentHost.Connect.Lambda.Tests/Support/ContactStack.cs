namespace AgentHost.Connect.Lambda.Tests.Support;

/// <summary>
/// What stands behind Connect in the end-to-end tests: the development gateway behind a counting proxy, the real runtime
/// host (offline model) using it, and the fake AgentCore data plane forwarding signed InvokeAgentRuntime calls to the host.
/// </summary>
public sealed class ContactStack : IAsyncLifetime
{
    internal CountingGatewayProxy Gateway { get; private set; } = null!;

    internal RuntimeHostProcess Runtime { get; private set; } = null!;

    internal FakeAgentCoreDataPlane DataPlane { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Gateway = await CountingGatewayProxy.StartAsync();
        Runtime = await RuntimeHostProcess.StartAsync(Gateway.Endpoint);
        DataPlane = await FakeAgentCoreDataPlane.StartAsync();
        DataPlane.RuntimeHost = Runtime.BaseUri;
    }

    public async ValueTask DisposeAsync()
    {
        await DataPlane.DisposeAsync();
        await Runtime.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
