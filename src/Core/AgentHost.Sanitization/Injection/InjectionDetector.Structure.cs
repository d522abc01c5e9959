using System.Text.RegularExpressions;
using AgentHost.Sanitization.Text;

namespace AgentHost.Sanitization.Injection;

internal sealed partial class InjectionDetector
{
    private static readonly HashSet<string> ClosingTokens = new(StringComparer.Ordinal)
    {
        "<|im_end|>", "<|eot_id|>", "<|end|>", "[/inst]", "<</sys>>", "<end_of_turn>", "<|endoftext|>", "<|end_of_text|>",
        "<im_end>", "<|end_header_id|>",
    };

    private static readonly HashSet<string> UserLabels = new(StringComparer.Ordinal)
    {
        "user", "human", "humano", "humain", "usuario", "utilisateur", "utilizador",
    };

    private static readonly HashSet<string> SystemLabels = new(StringComparer.Ordinal)
    {
        "system", "sistema", "systeme", "developer", "desenvolvedor", "desarrollador", "developpeur", "admin", "administrator",
        "administrador", "administrateur", "operator",
    };

    private static readonly HashSet<string> StrongQualifiers = new(StringComparer.Ordinal)
    {
        "prompt", "message", "mensagem", "mensaje", "override", "instruction", "instructions", "command", "directive",
    };

    // Chat-template tokens, grouped when close together: a group runs from its first token to its last, and on to the end
    // of the paragraph when the last token opens a turn; a group that starts with a closing token starts at its line.
    private static void ScanTemplates(string original, NormalizedText view, string n, List<InjectionSpan> found)
    {
        int groupStart = -1, groupEnd = -1;
        var lastClosing = false;
        foreach (var match in Patterns.TemplateToken().EnumerateMatches(n))
        {
            var start = view.OriginalStart(match.Index);
            var end = view.OriginalEnd(match.Index + match.Length);
            var closing = ClosingTokens.Contains(n.Substring(match.Index, match.Length));
            if (groupStart >= 0 && start - groupEnd > 600)
            {
                AddTemplateGroup(original, view, groupStart, groupEnd, lastClosing, found);
                groupStart = -1;
            }

            if (groupStart < 0)
            {
                groupStart = closing ? TextSpans.LineStart(original, start) : start;
            }

            groupEnd = end;
            lastClosing = closing;
        }

        if (groupStart >= 0)
        {
            AddTemplateGroup(original, view, groupStart, groupEnd, lastClosing, found);
        }
    }

    private static void AddTemplateGroup(string original, NormalizedText view, int start, int end, bool lastClosing, List<InjectionSpan> found)
    {
        AddRange(view, start, lastClosing ? end : Math.Max(end, TextSpans.ParagraphEnd(original, end)), InjectionFamily.ChatTemplate, found);
    }

    // "SYSTEM: ...", "### Assistant:", "[system override] ...", "system prompt: ...": heading-style labels and
    // system-prompt labels always; a plain system/admin label when what follows it is a directive.
    private static void ScanRoleLabels(string original, NormalizedText view, string n, List<InjectionSpan> found)
    {
        for (var match = Patterns.RoleLabel().Match(n); match.Success; match = match.NextMatch())
        {
            var label = match.Groups["label"].Value;
            var head = match.Groups["head"].Value;
            if (head == "<")
            {
                continue;
            }

            var qualifier = match.Groups["qual"].Value;
            var contentStart = match.Index + match.Length;
            var lineEnd = n.IndexOf('\n', contentStart);
            var content = n.AsSpan(contentStart, (lineEnd < 0 ? n.Length : lineEnd) - contentStart);
            var emptyLine = content.IsWhiteSpace();
            if (emptyLine && lineEnd >= 0)
            {
                var nextEnd = n.IndexOf('\n', lineEnd + 1);
                content = n.AsSpan(lineEnd + 1, (nextEnd < 0 ? n.Length : nextEnd) - lineEnd - 1);
            }

            var heading = head.StartsWith('#');
            var systemish = SystemLabels.Contains(label);
            var flagged = heading
                || (systemish && StrongQualifiers.Contains(qualifier))
                || (systemish && Patterns.Directive().IsMatch(content));
            if (!flagged)
            {
                continue;
            }

            var start = view.OriginalStart(match.Index);
            var end = emptyLine
                ? TextSpans.ParagraphEnd(original, view.OriginalEnd(contentStart))
                : TextSpans.LineEnd(original, view.OriginalEnd(contentStart));
            var lineStart = TextSpans.LineStart(original, start);
            AddRange(view, original.AsSpan(lineStart, start - lineStart).IsWhiteSpace() ? lineStart : start, end, InjectionFamily.RoleLabel, found);
        }
    }

    // "User: ... Assistant: ...": a user label and an assistant label in one text make a fake conversation, from the
    // first label to the end of the last labelled line; an assistant label alone counts when its turn starts by complying.
    private static void ScanTurns(string original, NormalizedText view, string n, List<InjectionSpan> found)
    {
        int first = -1, last = -1;
        bool user = false, assistant = false;
        var labels = new List<(int Index, int End, bool User)>();
        for (var match = Patterns.TurnLabel().Match(n); match.Success; match = match.NextMatch())
        {
            var isUser = UserLabels.Contains(match.Groups["label"].Value);
            labels.Add((match.Index, match.Index + match.Length, isUser));
            user |= isUser;
            assistant |= !isUser;
            first = first < 0 ? match.Index : first;
            last = match.Index + match.Length;
        }

        if (labels.Count == 0)
        {
            return;
        }

        if (user && assistant)
        {
            var start = view.OriginalStart(first);
            AddRange(view, start, TextSpans.LineEnd(original, view.OriginalEnd(last)), InjectionFamily.FakeTurn, found);
            return;
        }

        foreach (var (index, end, isUser) in labels)
        {
            if (!isUser && Patterns.Compliance().IsMatch(n.AsSpan(end)))
            {
                AddRange(view, view.OriginalStart(index), TextSpans.LineEnd(original, view.OriginalEnd(end)), InjectionFamily.FakeTurn, found);
            }
        }
    }

    // Tags named after roles or instructions, comments and hidden elements, when what they hold speaks to the model.
    private static void ScanMarkup(string original, NormalizedText view, string n, List<InjectionSpan> found)
    {
        if (!n.Contains('<', StringComparison.Ordinal))
        {
            return;
        }

        for (var match = Patterns.RoleTag().Match(n); match.Success; match = match.NextMatch())
        {
            if (match.Groups["close"].Success)
            {
                continue;
            }

            var name = match.Groups["name"].Value;
            var contentStart = match.Index + match.Length;
            var close = FindClosingTag(n, name, contentStart);
            var contentEnd = close >= 0 ? close : TextSpans.LineEnd(n, contentStart);
            var content = n.AsSpan(contentStart, Math.Max(0, contentEnd - contentStart));
            var always = name is "system_prompt" or "systemprompt" or "im_start" or "im_end" or "jailbreak"
                || (name.Contains('_', StringComparison.Ordinal) && (name.Contains("override", StringComparison.Ordinal) || name.Contains("instruction", StringComparison.Ordinal)))
                || name.StartsWith("hidden_", StringComparison.Ordinal) || name.StartsWith("secret_", StringComparison.Ordinal)
                || name.StartsWith("admin_", StringComparison.Ordinal) || name.StartsWith("ai_", StringComparison.Ordinal)
                || name.StartsWith("system_", StringComparison.Ordinal);
            if (always || SpeaksToModel(content))
            {
                var end = close >= 0 ? ClosingTagEnd(n, close) : contentEnd;
                AddRange(view, view.OriginalStart(match.Index), view.OriginalEnd(end), InjectionFamily.Markup, found);
            }
        }

        for (var match = Patterns.Comment().Match(n); match.Success; match = match.NextMatch())
        {
            var body = match.Groups["body"].ValueSpan;
            if (Patterns.ModelName().IsMatch(body) || (Patterns.SecondPerson().IsMatch(body) && Patterns.Directive().IsMatch(body)) || MatchesAnySentenceRule(body))
            {
                AddRange(view, view.OriginalStart(match.Index), view.OriginalEnd(match.Index + match.Length), InjectionFamily.Markup, found);
            }
        }

        for (var match = Patterns.HiddenElement().Match(n); match.Success; match = match.NextMatch())
        {
            var tag = match.Groups["tag"].Value;
            var contentStart = match.Index + match.Length;
            var close = FindClosingTag(n, tag, contentStart);
            var contentEnd = close >= 0 ? close : TextSpans.LineEnd(n, contentStart);
            if (contentEnd > contentStart && Patterns.Directive().IsMatch(n.AsSpan(contentStart, contentEnd - contentStart)))
            {
                var end = close >= 0 ? ClosingTagEnd(n, close) : contentEnd;
                AddRange(view, view.OriginalStart(match.Index), view.OriginalEnd(end), InjectionFamily.Markup, found);
            }
        }
    }

    private static bool SpeaksToModel(ReadOnlySpan<char> content) =>
        Patterns.SecondPerson().IsMatch(content) || Patterns.NarrowDirectiveStart().IsMatch(content)
        || StrictModelName().IsMatch(content) || MatchesAnySentenceRule(content);

    private static bool MatchesAnySentenceRule(ReadOnlySpan<char> text)
    {
        foreach (var rule in SentenceRules)
        {
            if (rule.Pattern.IsMatch(text))
            {
                return true;
            }
        }

        return Patterns.OverrideInstructions().IsMatch(text);
    }

    private static int FindClosingTag(string n, string name, int from)
    {
        var limit = Math.Min(n.Length, from + 4000);
        for (var i = n.IndexOf("</", from, StringComparison.Ordinal); i >= 0 && i < limit; i = n.IndexOf("</", i + 2, StringComparison.Ordinal))
        {
            var j = i + 2;
            while (j < n.Length && n[j] == ' ')
            {
                j++;
            }

            if (string.CompareOrdinal(n, j, name, 0, name.Length) == 0 && (j + name.Length >= n.Length || !char.IsAsciiLetterOrDigit(n[j + name.Length])))
            {
                return i;
            }
        }

        return -1;
    }

    private static int ClosingTagEnd(string n, int close)
    {
        var end = n.IndexOf('>', close);
        return end < 0 ? n.Length : end + 1;
    }

    // {"role": "system", "content": ...} and {"tool_use": ...} written inside a text value: the whole object goes.
    private static void ScanJson(string original, NormalizedText view, string n, List<InjectionSpan> found)
    {
        if (!n.Contains('"', StringComparison.Ordinal))
        {
            return;
        }

        foreach (var match in Patterns.RoleJson().EnumerateMatches(n))
        {
            AddObject(original, view, match.Index, match.Length, requireContent: true, InjectionFamily.RoleJson, found);
        }

        foreach (var match in Patterns.ToolCallJson().EnumerateMatches(n))
        {
            AddObject(original, view, match.Index, match.Length, requireContent: false, InjectionFamily.ToolCall, found);
        }
    }

    private static void AddObject(string original, NormalizedText view, int index, int length, bool requireContent, InjectionFamily family, List<InjectionSpan> found)
    {
        var start = view.OriginalStart(index);
        var open = TextSpans.EnclosingBrace(original, start);
        var close = open >= 0 ? TextSpans.MatchingBrace(original, open) : -1;
        if (open >= 0 && close > open)
        {
            var body = original.AsSpan(open, close - open);
            if (!requireContent || body.Contains("\"content\"", StringComparison.OrdinalIgnoreCase)
                || body.Contains("\"text\"", StringComparison.OrdinalIgnoreCase) || body.Contains("\"parts\"", StringComparison.OrdinalIgnoreCase))
            {
                // Widen to an enclosing array of such objects ([{"role": ...}]) when the object is its only content.
                var before = open - 1;
                while (before >= 0 && char.IsWhiteSpace(original[before]))
                {
                    before--;
                }

                if (before >= 0 && original[before] == '[')
                {
                    var arrayEnd = TextSpans.MatchingBrace(original, before);
                    if (arrayEnd > 0 && original.AsSpan(close, arrayEnd - close - 1).Trim().IsEmpty)
                    {
                        open = before;
                        close = arrayEnd;
                    }
                }

                AddRange(view, open, close, family, found);
            }

            return;
        }

        if (!requireContent)
        {
            AddSentence(original, view, index, length, family, found);
        }
    }

    // Tool-call markup, function-call syntax with arguments (a gateway name, a known tool, or after "call"/"use the
    // tool"), and ReAct "Action:/Action Input:" lines.
    private void ScanToolCalls(string original, NormalizedText view, string n, long signals, List<InjectionSpan> found)
    {
        if ((signals & Signals.Markup) != 0)
        {
            ScanToolCallTags(original, view, n, found);
        }

        if (Signals.All(signals, Signals.Paren | Signals.Underscore) && HasSnakeCaseCall(n))
        {
            for (var match = Patterns.FunctionSyntax().Match(n); match.Success; match = match.NextMatch())
            {
                var name = match.Groups["name"].Value;
                var before = n.AsSpan(Math.Max(0, match.Index - 45), Math.Min(45, match.Index));
                if (name.Contains("___", StringComparison.Ordinal) || _knownTools.Contains(name) || Patterns.CallVerbBefore().IsMatch(before))
                {
                    AddSentence(original, view, match.Index, match.Length, InjectionFamily.ToolCall, found);
                }
            }
        }

        if ((signals & Signals.Action) != 0)
        {
            foreach (var match in Patterns.ReActCall().EnumerateMatches(n))
            {
                AddRange(view, view.OriginalStart(match.Index), view.OriginalEnd(match.Index + match.Length), InjectionFamily.ToolCall, found);
            }
        }
    }

    private static void ScanToolCallTags(string original, NormalizedText view, string n, List<InjectionSpan> found)
    {
        int tagStart = -1, tagEnd = -1;
        foreach (var match in Patterns.ToolCallTag().EnumerateMatches(n))
        {
            var start = view.OriginalStart(match.Index);
            var end = view.OriginalEnd(match.Index + match.Length);
            if (tagStart >= 0 && start - tagEnd > 2000)
            {
                AddRange(view, tagStart, tagEnd, InjectionFamily.ToolCall, found);
                tagStart = -1;
            }

            tagStart = tagStart < 0 ? start : tagStart;
            tagEnd = n[match.Index + 1] == '/' || n.AsSpan(match.Index, match.Length).Contains("/>", StringComparison.Ordinal)
                ? end
                : Math.Max(end, TextSpans.ParagraphEnd(original, end));
        }

        if (tagStart >= 0)
        {
            AddRange(view, tagStart, tagEnd, InjectionFamily.ToolCall, found);
        }
    }

    // Cheap test before the function-call expression: an identifier with an underscore right before a '('.
    private static bool HasSnakeCaseCall(string n)
    {
        for (var paren = n.IndexOf('('); paren >= 0; paren = n.IndexOf('(', paren + 1))
        {
            var i = paren - 1;
            while (i >= 0 && n[i] == ' ')
            {
                i--;
            }

            var underscore = false;
            while (i >= 0 && (char.IsAsciiLetterOrDigit(n[i]) || n[i] == '_'))
            {
                underscore |= n[i] == '_';
                i--;
            }

            if (underscore)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\b" + Lexicon.StrictAiNoun + @"\b", RegexOptions.CultureInvariant)]
    private static partial Regex StrictModelName();
}
