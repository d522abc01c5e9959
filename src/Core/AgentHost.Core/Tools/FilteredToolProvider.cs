using AgentHost.Abstractions.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Core.Tools;

/// <summary>Applies a <see cref="ToolNameFilter"/> to another provider: filtered tools are neither offered nor callable.</summary>
public sealed class FilteredToolProvider : IToolProvider
{
    private readonly IToolProvider _inner;
    private readonly ToolNameFilter _filter;
    private readonly Func<AITool, IEnumerable<string>> _namesOf;

    /// <summary>Creates the provider.</summary>
    /// <param name="inner">The provider to filter.</param>
    /// <param name="filter">The allow/deny lists.</param>
    /// <param name="namesOf">The names a tool is known by. Default: its <see cref="AITool.Name"/>.</param>
    public FilteredToolProvider(IToolProvider inner, ToolNameFilter filter, Func<AITool, IEnumerable<string>>? namesOf = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(filter);
        _inner = inner;
        _filter = filter;
        _namesOf = namesOf ?? (tool => [tool.Name]);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<AITool>> GetToolsAsync(ToolSelectionContext context, CancellationToken cancellationToken = default)
    {
        var tools = await _inner.GetToolsAsync(context, cancellationToken);
        return _filter.IsEmpty ? tools : tools.Where(t => _filter.IsAllowed(_namesOf(t))).ToList();
    }

    /// <inheritdoc />
    public async ValueTask<AIFunction?> ResolveAsync(string name, CancellationToken cancellationToken = default)
    {
        var tool = await _inner.ResolveAsync(name, cancellationToken);
        return tool is null || _filter.IsEmpty || _filter.IsAllowed(_namesOf(tool)) ? tool : null;
    }
}
