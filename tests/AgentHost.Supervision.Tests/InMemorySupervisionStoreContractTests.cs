using AgentHost.Abstractions.Supervision;
using AgentHost.Supervision.Stores;
using AgentHost.Testing.Supervision;

namespace AgentHost.Supervision.Tests;

/// <summary>The supervision-store contract in memory.</summary>
public sealed class InMemorySupervisionStoreContractTests : SupervisionStoreContractTests
{
    protected override Task<(IActivityFeed Feed, IGuidanceStore Guidance)> CreateStoresAsync()
    {
        var store = new InMemorySupervisionStore();
        return Task.FromResult<(IActivityFeed, IGuidanceStore)>((store, store));
    }
}
