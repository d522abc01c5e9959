using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AgentHost.Abstractions.Agents;

namespace AgentHost.Core.Instructions;

/// <summary>
/// Fills placeholders in agent instructions from the invocation: <c>{agentName}</c>, <c>{sessionId}</c>, <c>{channel}</c>,
/// <c>{language}</c>, <c>{contactId}</c>, <c>{date}</c> (UTC, yyyy-MM-dd) and <c>{attributes.NAME}</c> (a caller attribute).
/// A value that is not known renders as <c>unknown</c>. <c>{{</c> and <c>}}</c> render literal braces.
/// </summary>
public static partial class InstructionTemplate
{
    /// <summary>The placeholder names (besides <c>attributes.*</c>).</summary>
    public static IReadOnlyList<string> KnownNames { get; } = ["agentName", "sessionId", "channel", "language", "contactId", "date"];

    private const string Unknown = "unknown";

    /// <summary>Renders the template for one invocation.</summary>
    public static string Render(string template, string agentName, InvocationContext invocation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(invocation);
        if (template.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return template;
        }

        return PlaceholderPattern().Replace(template, match =>
        {
            if (match.Value == "{{")
            {
                return "{";
            }

            if (match.Value == "}}")
            {
                return "}";
            }

            var name = match.Groups["name"].Value;
            var value = name switch
            {
                "agentName" => agentName,
                "sessionId" => invocation.SessionId,
                "channel" => invocation.Channel,
                "language" => invocation.Language,
                "contactId" => invocation.ContactId,
                "date" => now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                _ when name.StartsWith("attributes.", StringComparison.Ordinal) =>
                    invocation.Attributes.TryGetValue(name["attributes.".Length..], out var attribute) ? attribute : null,
                _ => match.Value,
            };
            return string.IsNullOrEmpty(value) ? Unknown : value;
        });
    }

    /// <summary>Returns the placeholders of a template that are not known (for start-up validation).</summary>
    public static IReadOnlyList<string> FindUnknownPlaceholders(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var unknown = new List<string>();
        foreach (Match match in PlaceholderPattern().Matches(template))
        {
            var name = match.Groups["name"].Value;
            if (name.Length == 0)
            {
                continue;
            }

            var known = KnownNames.Contains(name, StringComparer.Ordinal)
                || (name.StartsWith("attributes.", StringComparison.Ordinal) && name.Length > "attributes.".Length);
            if (!known)
            {
                unknown.Add(name);
            }
        }

        return unknown;
    }

    /// <summary>Escapes literal braces in a value so it renders unchanged.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new StringBuilder(text).Replace("{", "{{").Replace("}", "}}").ToString();
    }

    [GeneratedRegex(@"\{\{|\}\}|\{(?<name>[A-Za-z][A-Za-z0-9_.\-]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceholderPattern();
}
