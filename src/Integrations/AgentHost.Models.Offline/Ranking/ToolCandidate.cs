using System.Text.Json;
using AgentHost.Models.Offline.Text;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline.Ranking;

/// <summary>An offered tool, with its schema read once and its words prepared for ranking.</summary>
internal sealed class ToolCandidate
{
    private static readonly string[] WriteVerbs = ["create", "update", "send", "add", "request", "book", "escalate", "place", "cancel", "delete", "withdraw"];

    public ToolCandidate(AIFunctionDeclaration declaration, int order)
    {
        Declaration = declaration;
        Order = order;
        Name = declaration.Name;
        int separator = Name.IndexOf("___", StringComparison.Ordinal);
        Target = separator > 0 ? Name[..separator] : string.Empty;
        ToolName = separator > 0 ? Name[(separator + 3)..] : Name;
        Schema = declaration.JsonSchema;
        Parameters = ParameterSpec.Read(Schema);
        Verb = ToolName.Split('_', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        IsWrite = WriteVerbs.Contains(Verb, StringComparer.Ordinal);
        IsSearch = Name.Equals(OfflineChatClient.GatewaySearchToolName, StringComparison.Ordinal)
            || (ToolName.Contains("search", StringComparison.OrdinalIgnoreCase)
                && Parameters.Any(p => p.Name == "query" && p.Required)
                && Parameters.All(p => p.Name == "query" || !p.Required));

        List<string> words = [];
        List<string> nameTerms = Terms.Of(Target + " " + ToolName);
        words.AddRange(nameTerms);

        words.AddRange(Terms.Of(declaration.Description ?? string.Empty));
        foreach (ParameterSpec parameter in Parameters)
        {
            words.AddRange(Terms.Of(parameter.Name));
            words.AddRange(Terms.Of(parameter.Description));
            foreach (string value in parameter.EnumValues)
            {
                words.AddRange(Terms.Of(value));
            }
        }

        NameTerms = [.. nameTerms];
        Words = words;
    }

    public AIFunctionDeclaration Declaration { get; }

    public int Order { get; }

    public string Name { get; }

    public string Target { get; }

    public string ToolName { get; }

    public string Verb { get; }

    public bool IsWrite { get; }

    public bool IsSearch { get; }

    public JsonElement Schema { get; }

    public IReadOnlyList<ParameterSpec> Parameters { get; }

    public HashSet<string> NameTerms { get; }

    public List<string> Words { get; }
}
