using System.Collections.Concurrent;
using AgentHost.Sanitization.Json;
using AgentHost.Sanitization.Pii;

namespace AgentHost.Sanitization;

/// <summary>
/// Makes tool results safe before the model sees them: removes text that addresses the model or tries to change its
/// instructions (replaced by <see cref="InjectionOptions.Placeholder"/>) and masks personal data to typed placeholders
/// (<c>[CARD ••••4242]</c>). JSON results keep their structure and every untouched character; plain text keeps every
/// character outside what was removed. Thread-safe; create one per options instance and reuse it.
/// </summary>
/// <remarks>
/// Findings never carry the removed text: only category, JSON path, offsets and, for personal data, a hash of the value.
/// </remarks>
public sealed class ToolResultSanitizer
{
    private readonly SanitizationOptions _options;
    private readonly TextSanitizer _text;
    private readonly JsonResultSanitizer _json;
    private readonly ConcurrentDictionary<string, ToolPolicy> _policies = new(StringComparer.Ordinal);

    /// <summary>Creates a sanitiser with the given options (read once: later changes to them are not seen).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public ToolResultSanitizer(SanitizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _text = new TextSanitizer(options);
        _json = new JsonResultSanitizer(_text, string.IsNullOrEmpty(options.Injection.Placeholder) ? InjectionOptions.DefaultPlaceholder : options.Injection.Placeholder);
    }

    /// <summary>
    /// Sanitises a tool result: as JSON when it is a JSON object, array or string, otherwise as text.
    /// </summary>
    /// <param name="content">The tool result as the model would see it.</param>
    /// <param name="toolName">The tool that returned it (selects per-tool settings); null for the global settings.</param>
    public SanitizationResult Sanitize(string content, string? toolName = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var policy = PolicyFor(toolName);
        if (!policy.Active || content.Length == 0)
        {
            return new SanitizationResult(content, [], changed: false);
        }

        var findings = new List<SanitizationFinding>();
        var first = FirstNonWhiteSpace(content);
        if (first is '{' or '[' or '"' && _json.TrySanitize(content, policy, findings, out var json))
        {
            return new SanitizationResult(json, findings, !ReferenceEquals(json, content));
        }

        findings.Clear();
        var text = _text.Sanitize(content, policy.Injection, policy.PiiKinds, FieldHint.None, "$", findings);
        return new SanitizationResult(text, findings, !ReferenceEquals(text, content));
    }

    /// <summary>Sanitises a text that is not JSON (JSON-looking text is treated as text too).</summary>
    /// <param name="text">The text.</param>
    /// <param name="toolName">The tool that returned it; null for the global settings.</param>
    public SanitizationResult SanitizeText(string text, string? toolName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var policy = PolicyFor(toolName);
        var findings = new List<SanitizationFinding>();
        var result = policy.Active ? _text.Sanitize(text, policy.Injection, policy.PiiKinds, FieldHint.None, "$", findings) : text;
        return new SanitizationResult(result, findings, !ReferenceEquals(result, text));
    }

    private ToolPolicy PolicyFor(string? toolName) =>
        _policies.GetOrAdd(toolName ?? string.Empty, static (name, options) => ToolPolicy.Resolve(options, name.Length == 0 ? null : name), _options);

    private static char FirstNonWhiteSpace(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c;
            }
        }

        return '\0';
    }
}
