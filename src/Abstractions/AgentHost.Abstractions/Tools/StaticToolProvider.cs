using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Tools;

/// <summary>A tool provider over a fixed list of functions: every tool is offered on every call.</summary>
public sealed class StaticToolProvider : IToolProvider
{
    private readonly IReadOnlyList<AITool> _tools;
    private readonly Dictionary<string, AIFunction> _byName;

    /// <summary>Creates the provider.</summary>
    /// <exception cref="ArgumentException">Two functions share a name.</exception>
    public StaticToolProvider(IEnumerable<AIFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var list = functions.ToList();
        _byName = new Dictionary<string, AIFunction>(StringComparer.Ordinal);
        foreach (var function in list)
        {
            if (!_byName.TryAdd(function.Name, function))
            {
                throw new ArgumentException($"Two tools are named '{function.Name}'.", nameof(functions));
            }
        }

        _tools = list;
    }

    /// <summary>A provider with no tools.</summary>
    public static StaticToolProvider Empty { get; } = new([]);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<AITool>> GetToolsAsync(ToolSelectionContext context, CancellationToken cancellationToken = default) => new(_tools);

    /// <inheritdoc />
    public ValueTask<AIFunction?> ResolveAsync(string name, CancellationToken cancellationToken = default) =>
        new(_byName.TryGetValue(name, out var function) ? function : null);
}
