using System.Globalization;
using System.Runtime.CompilerServices;
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

        // The template is split into literal text and placeholders once (instructions are fixed for the process) and then
        // rendered per turn by one concatenation, instead of a regex pass with a match evaluator on every turn. Not a
        // StringBuilder sized for the template: a builder over 1,024 characters allocates its buffer through the runtime's
        // uninitialised-array slow path, which the profile showed at ~3% of the host's CPU per invocation.
        var parts = Compiled.GetValue(template, Compile);
        var pieces = new string?[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Name is null)
            {
                pieces[i] = part.Text;
                continue;
            }

            var name = part.Name;
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
                _ => part.Text,
            };
            pieces[i] = string.IsNullOrEmpty(value) ? Unknown : value;
        }

        return string.Concat(pieces);
    }

    private static readonly ConditionalWeakTable<string, Part[]> Compiled = new();

    /// <summary>Literal text (<see cref="Name"/> null), or a placeholder with its name and its original text.</summary>
    private readonly record struct Part(string Text, string? Name);

    private static Part[] Compile(string template)
    {
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var position = 0;
        foreach (Match match in PlaceholderPattern().Matches(template))
        {
            literal.Append(template, position, match.Index - position);
            position = match.Index + match.Length;
            if (match.Value == "{{" || match.Value == "}}")
            {
                literal.Append(match.Value[0]);
                continue;
            }

            if (literal.Length > 0)
            {
                parts.Add(new Part(literal.ToString(), null));
                literal.Clear();
            }

            parts.Add(new Part(match.Value, match.Groups["name"].Value));
        }

        literal.Append(template, position, template.Length - position);
        if (literal.Length > 0)
        {
            parts.Add(new Part(literal.ToString(), null));
        }

        return [.. parts];
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
