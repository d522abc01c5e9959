using System.Text;
using AgentHost.Sanitization.Injection;
using AgentHost.Sanitization.Pii;

namespace AgentHost.Sanitization;

/// <summary>Sanitises one string: removes instruction-like spans, then masks personal data outside them.</summary>
internal sealed class TextSanitizer
{
    [ThreadStatic]
    private static List<InjectionSpan>? t_spans;

    [ThreadStatic]
    private static List<PiiMatch>? t_matches;

    [ThreadStatic]
    private static List<(int Start, int End)>? t_excluded;

    private readonly InjectionDetector _injection;
    private readonly string _placeholder;
    private readonly int _keepLastDigits;
    private readonly ValueHasher _hasher;

    public TextSanitizer(SanitizationOptions options)
    {
        _injection = new InjectionDetector(options.Injection);
        _placeholder = string.IsNullOrEmpty(options.Injection.Placeholder) ? InjectionOptions.DefaultPlaceholder : options.Injection.Placeholder;
        _keepLastDigits = Math.Max(0, options.Pii.KeepLastDigits);
        _hasher = new ValueHasher(options.HashKey);
    }

    /// <summary>The sanitised text (the same instance when nothing was found); findings are added with <paramref name="path"/>.</summary>
    public string Sanitize(string text, bool injection, int piiKinds, FieldHint field, string path, List<SanitizationFinding> findings)
    {
        var spans = t_spans ??= [];
        var matches = t_matches ??= [];
        var excluded = t_excluded ??= [];
        spans.Clear();
        matches.Clear();
        excluded.Clear();
        if (injection)
        {
            _injection.Detect(text, spans);
        }

        if (piiKinds != 0)
        {
            foreach (var span in spans)
            {
                excluded.Add((span.Start, span.End));
            }

            PiiDetector.Detect(text, piiKinds, field, excluded, matches);
        }

        if (spans.Count == 0 && matches.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var position = 0;
        int s = 0, m = 0;
        while (s < spans.Count || m < matches.Count)
        {
            var takeSpan = m >= matches.Count || (s < spans.Count && spans[s].Start <= matches[m].Start);
            if (takeSpan)
            {
                var span = spans[s++];
                builder.Append(text, position, span.Start - position).Append(_placeholder);
                findings.Add(new SanitizationFinding(FindingKind.Injection, "injection." + FamilyName(span.Family), path, span.Start, span.End - span.Start, Obfuscated: span.Obfuscated)
                {
                    Family = span.Family,
                });
                position = span.End;
            }
            else
            {
                var match = matches[m++];
                builder.Append(text, position, match.Start - position).Append(Placeholders.For(match, _keepLastDigits));
                findings.Add(new SanitizationFinding(FindingKind.Pii, Placeholders.Category(match.Kind), path, match.Start, match.End - match.Start, _hasher.Hash(match.Canonical))
                {
                    PiiKind = match.Kind,
                });
                position = match.End;
            }
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>The finding-category name of a family: <c>override</c>, <c>addresses-model</c>, ...</summary>
    public static string FamilyName(InjectionFamily family) => family switch
    {
        InjectionFamily.Override => "override",
        InjectionFamily.AddressesModel => "addresses-model",
        InjectionFamily.PromptLeak => "prompt-leak",
        InjectionFamily.RoleChange => "role-change",
        InjectionFamily.ChatTemplate => "chat-template",
        InjectionFamily.RoleLabel => "role-label",
        InjectionFamily.Markup => "markup",
        InjectionFamily.RoleJson => "role-json",
        InjectionFamily.ToolCall => "tool-call",
        InjectionFamily.FakeTurn => "fake-turn",
        _ => family.ToString().ToLowerInvariant(),
    };
}
