using AgentHost.Testing.Storage;
using Amazon.Runtime;

namespace AgentHost.Storage.Benchmarks;

/// <summary>Routes the SDK's requests through a counting handler.</summary>
internal sealed class BenchmarkHttpClientFactory : HttpClientFactory
{
    public CountingHandler Handler { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(Handler, disposeHandler: false);

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
