using System.Text.Json;
using AgentHost.Gateway.Selection;
using AgentHost.Gateway.Tools;

namespace AgentHost.Gateway.Catalog;

/// <summary>The searchable terms of a tool: its name (counted twice), description, and parameter names and descriptions.</summary>
internal static class ToolDocument
{
    public static IReadOnlyList<string> Terms(GatewayToolFunction tool)
    {
        var terms = new List<string>();
        var nameTerms = TextTokenizer.Tokenize(tool.OriginalName);
        terms.AddRange(nameTerms);
        terms.AddRange(nameTerms);
        terms.AddRange(TextTokenizer.Tokenize(tool.Description));
        if (tool.JsonSchema.ValueKind == JsonValueKind.Object &&
            tool.JsonSchema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                terms.AddRange(TextTokenizer.Tokenize(property.Name));
                if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("description", out var description) &&
                    description.ValueKind == JsonValueKind.String)
                {
                    terms.AddRange(TextTokenizer.Tokenize(description.GetString()));
                }
            }
        }

        return terms;
    }
}
