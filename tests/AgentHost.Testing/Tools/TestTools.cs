using Microsoft.Extensions.AI;

namespace AgentHost.Testing.Tools;

/// <summary>Small AIFunctions for tests.</summary>
public static class TestTools
{
    /// <summary>A function with the given name and body.</summary>
    public static AIFunction Create(string name, Func<AIFunctionArguments, CancellationToken, ValueTask<object?>> body, string description = "A test tool.", IReadOnlyDictionary<string, object?>? additionalProperties = null) =>
        new DelegateFunction(name, description, body, additionalProperties ?? new Dictionary<string, object?>());

    private sealed class DelegateFunction(string name, string description, Func<AIFunctionArguments, CancellationToken, ValueTask<object?>> body, IReadOnlyDictionary<string, object?> additionalProperties) : AIFunction
    {
        public override string Name => name;

        public override string Description => description;

        public override IReadOnlyDictionary<string, object?> AdditionalProperties => additionalProperties;

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) => body(arguments, cancellationToken);
    }
}
