using Microsoft.Extensions.AI;

namespace AgentHost.Testing.Tools;

/// <summary>Small AIFunctions for tests.</summary>
public static class TestTools
{
    /// <summary>A function with the given name and body.</summary>
    public static AIFunction Create(string name, Func<AIFunctionArguments, CancellationToken, ValueTask<object?>> body, string description = "A test tool.") =>
        new DelegateFunction(name, description, body);

    private sealed class DelegateFunction(string name, string description, Func<AIFunctionArguments, CancellationToken, ValueTask<object?>> body) : AIFunction
    {
        public override string Name => name;

        public override string Description => description;

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) => body(arguments, cancellationToken);
    }
}
