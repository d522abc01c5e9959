using AgentHost.Abstractions.Control;
using AgentHost.Control.Stores;
using AgentHost.Testing.Control;

namespace AgentHost.Control.Tests.Stores;

/// <summary>The approval-store contract on the in-memory store.</summary>
public sealed class InMemoryApprovalStoreContractTests : ApprovalStoreContractTests
{
    protected override Task<IApprovalStore> CreateStoreAsync() => Task.FromResult<IApprovalStore>(new InMemoryApprovalStore());
}

/// <summary>The intent-store contract on the in-memory store.</summary>
public sealed class InMemoryToolIntentStoreContractTests : ToolIntentStoreContractTests
{
    protected override Task<IToolIntentStore> CreateStoreAsync() => Task.FromResult<IToolIntentStore>(new InMemoryToolIntentStore());
}

/// <summary>The control-layer scenarios on the in-memory stores.</summary>
public sealed class InMemoryControlScenarioTests : ControlScenarioContractTests
{
    protected override Task<ControlStores> CreateStoresAsync() =>
        Task.FromResult(new ControlStores(new InMemoryApprovalStore(), new InMemoryToolIntentStore(), new InMemoryAuditStore()));
}
