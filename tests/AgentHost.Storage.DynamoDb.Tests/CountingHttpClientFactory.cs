using AgentHost.Testing.Storage;
using Amazon.Runtime;

namespace AgentHost.Storage.DynamoDb.Tests;

/// <summary>Gives the SDK an HttpClient whose handler counts requests and request bytes, and can fail requests on demand.</summary>
public sealed class CountingHttpClientFactory : HttpClientFactory
{
    public CountingHandler Handler { get; } = new();

    public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(Handler, disposeHandler: false);

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
}
