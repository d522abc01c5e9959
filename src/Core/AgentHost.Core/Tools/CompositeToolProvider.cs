using AgentHost.Abstractions.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tools;

/// <summary>
/// Several tool providers as one: offers the tools of every provider (in order) and resolves a name with the first provider
/// that knows it. Names should be unique across providers; when two offer the same name, the first one wins.
/// </summary>
public sealed class CompositeToolProvider : IToolProvider
{
    private readonly IToolProvider[] _providers;

    /// <summary>Creates the composite.</summary>
    public CompositeToolProvider(IEnumerable<IToolProvider> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        _providers = providers.ToArray();
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AITool>> GetToolsAsync(ToolSelectionContext context, CancellationToken cancellationToken = default)
    {
        if (_providers.Length == 1)
        {
            return await _providers[0].GetToolsAsync(context, cancellationToken);
        }

        var tools = new List<AITool>();
        HashSet<string>? names = null;
        foreach (var provider in _providers)
        {
            foreach (var tool in await provider.GetToolsAsync(context, cancellationToken))
            {
                if ((names ??= new HashSet<string>(StringComparer.Ordinal)).Add(tool.Name))
                {
                    tools.Add(tool);
                }
            }
        }

        return tools;
    }

    /// <inheritdoc />
    public async ValueTask<AIFunction?> ResolveAsync(string name, CancellationToken cancellationToken = default)
    {
        foreach (var provider in _providers)
        {
            if (await provider.ResolveAsync(name, cancellationToken) is { } function)
            {
                return function;
            }
        }

        return null;
    }
}
