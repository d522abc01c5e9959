using AgentHost.Gateway.Catalog;
using AgentHost.Gateway.Configuration;
using AgentHost.Gateway.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AgentHost.Gateway.Benchmarks;

/// <summary>The gateway integration wired through DI, with its hosted refresh service started.</summary>
internal sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _hosted;

    private BenchmarkHost(ServiceProvider services)
    {
        _services = services;
        _hosted = services.GetServices<IHostedService>().ToList();
    }

    public GatewayToolProvider Provider => _services.GetRequiredService<GatewayToolProvider>();

    public GatewayToolCatalog Catalog => _services.GetRequiredService<GatewayToolCatalog>();

    public static async Task<BenchmarkHost> StartAsync(Uri url, Action<GatewayToolOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddAgentCoreGateways(o =>
        {
            o.ReadEnvironment = false;
            o.Gateways.Add(new GatewayOptions { Name = "bench", Url = url });
            configure?.Invoke(o);
        });
        var host = new BenchmarkHost(services.BuildServiceProvider());
        foreach (var hosted in host._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return host;
    }

    public async Task WaitForToolsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (Catalog.Current.Tools.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{count} tools never appeared.");
            }

            await Task.Delay(1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted)
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
