using System.Globalization;
using System.Text.Json;
using AgentHost.Abstractions.Tools;
using AgentHost.Gateway.Catalog;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Selection;

/// <summary>
/// The tool the model calls to find more gateway tools when the catalog is too large to offer whole. It returns the matching
/// tools' names and descriptions as JSON (<c>{"tools":[{"name":...,"description":...}]}</c>); they are offered from the next
/// model call on and can be called at once (the provider resolves every catalog tool by name).
/// </summary>
internal sealed class ToolSearchFunction : AIFunction
{
    private const int MaxLimit = 25;
    private readonly Func<CatalogSnapshot> _snapshot;
    private readonly ToolSelector _selector;
    private readonly int _defaultLimit;

    public ToolSearchFunction(string name, Func<CatalogSnapshot> snapshot, ToolSelector selector, int defaultLimit)
    {
        Name = name;
        _snapshot = snapshot;
        _selector = selector;
        _defaultLimit = Math.Clamp(defaultLimit, 1, MaxLimit);
        using var schema = JsonDocument.Parse(
            """{"type":"object","properties":{"query":{"type":"string","description":"What you need to do, in a few words (e.g. 'refund an order')."},"limit":{"type":"integer","minimum":1,"maximum":25,"description":"How many tools to return (default 10)."}},"required":["query"]}""");
        JsonSchema = schema.RootElement.Clone();
    }

    public override string Name { get; }

    public override string Description =>
        $"Searches the catalog of {_snapshot().Tools.Count.ToString(CultureInfo.InvariantCulture)} tools for ones that can do what you need. " +
        "Only some tools are listed up front; call this when none of them fits. The tools it returns can be called directly.";

    public override JsonElement JsonSchema { get; }

    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var query = arguments.TryGetValue("query", out var q) ? Text(q) : null;
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new Tools.GatewayToolException(Name, Tools.GatewayToolErrorKind.InvalidArguments, $"Invalid arguments for tool '{Name}': query: is required.");
        }

        var limit = _defaultLimit;
        if (arguments.TryGetValue("limit", out var l) && int.TryParse(Text(l), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            limit = Math.Clamp(parsed, 1, MaxLimit);
        }

        var found = await _selector.SelectAsync(_snapshot(), query, limit, arguments.GetInvocation(), cancellationToken).ConfigureAwait(false);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("tools");
            foreach (var tool in found)
            {
                writer.WriteStartObject();
                writer.WriteString("name", tool.Name);
                writer.WriteString("description", tool.Description);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(stream.ToArray());
        return document.RootElement.Clone();
    }

    private static string? Text(object? value) => value switch
    {
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement e => e.GetRawText(),
        null => null,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
