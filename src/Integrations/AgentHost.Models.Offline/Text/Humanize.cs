using System.Text;

namespace AgentHost.Models.Offline.Text;

/// <summary>Turns identifiers (camelCase, snake_case, target___tool) into plain words.</summary>
internal static class Humanize
{
    public static string Words(string identifier)
    {
        StringBuilder builder = new();
        char previous = ' ';
        foreach (char c in identifier)
        {
            if (c is '_' or '-')
            {
                if (builder.Length > 0 && builder[^1] != ' ')
                {
                    builder.Append(' ');
                }
            }
            else
            {
                if (char.IsUpper(c) && char.IsLower(previous))
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            previous = c;
        }

        return builder.ToString().Trim();
    }

    /// <summary>The tool part of a gateway name in words: <c>portfolio___get_portfolio</c> gives "get portfolio".</summary>
    public static string ToolWords(string toolName)
    {
        int separator = toolName.IndexOf("___", StringComparison.Ordinal);
        return Words(separator > 0 ? toolName[(separator + 3)..] : toolName);
    }

    public static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Joins items as "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items, string conjunction = "and") => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {conjunction} " + items[^1],
    };
}
