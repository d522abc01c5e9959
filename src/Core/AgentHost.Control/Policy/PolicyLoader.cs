using System.Globalization;
using System.Text.Json;
using AgentHost.Abstractions.Control;

namespace AgentHost.Control.Policy;

/// <summary>
/// Loads a policy file (JSON, described by <c>policy.schema.json</c>; comments and trailing commas allowed) strictly:
/// unknown members, wrong types, unknown values, duplicate rule ids and empty lists are refused with a
/// <see cref="PolicyFileException"/> naming the file and the line, so that a broken policy stops the host at start-up.
/// </summary>
public static class PolicyLoader
{
    /// <summary>The name <see cref="LoadDefault"/> reports as the source of the shipped policy.</summary>
    public const string DefaultPolicyName = "(built-in default policy)";

    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly string[] TopMembers = ["$schema", "version", "description", "defaults", "rules"];
    private static readonly string[] DefaultsMembers = ["approvalTimeout"];
    private static readonly string[] RuleMembers = ["id", "description", "tools", "annotations", "profiles", "channels", "when", "effect", "risk", "approval", "approvalTimeout"];
    private static readonly string[] AnnotationMembers = ["readOnly", "destructive", "idempotent", "openWorld"];
    private static readonly string[] ConditionMembers = ["argument", "op", "value"];

    /// <summary>Loads the policy file at <paramref name="path"/>.</summary>
    /// <exception cref="PolicyFileException">The file is missing, unreadable or invalid.</exception>
    public static ToolPolicy LoadFile(string path, bool readOnlyMode = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new PolicyFileException(path, 0, $"the policy file cannot be read ({ex.Message}).", ex);
        }

        return Parse(bytes, path, readOnlyMode);
    }

    /// <summary>Loads the policy shipped with the host (<c>default-policy.json</c>).</summary>
    public static ToolPolicy LoadDefault(bool readOnlyMode = false) => Parse(DefaultPolicyBytes(), DefaultPolicyName, readOnlyMode);

    /// <summary>The shipped policy file's bytes.</summary>
    public static byte[] DefaultPolicyBytes() => ReadResource("AgentHost.Control.default-policy.json");

    /// <summary>The published JSON Schema of policy files.</summary>
    public static byte[] SchemaBytes() => ReadResource("AgentHost.Control.policy.schema.json");

    /// <summary>Parses a policy document.</summary>
    /// <param name="utf8">The file contents.</param>
    /// <param name="source">The file name, for messages.</param>
    /// <param name="readOnlyMode">Deny every tool that is not read-only.</param>
    /// <exception cref="PolicyFileException">The document is invalid.</exception>
    public static ToolPolicy Parse(ReadOnlySpan<byte> utf8, string source, bool readOnlyMode = false)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new PolicyFileException(source, (int)(ex.LineNumber ?? -1) + 1, $"not valid JSON: {FirstSentence(ex.Message)}", ex);
        }

        using (document)
        {
            var reader = new Reader(source, JsonLineMap.Build(utf8, ReaderOptions));
            return reader.ReadPolicy(document.RootElement, readOnlyMode);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(PolicyLoader).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from {typeof(PolicyLoader).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Reads the document's elements, naming the line of every problem.</summary>
    private sealed class Reader(string source, JsonLineMap lines)
    {
        public ToolPolicy ReadPolicy(JsonElement root, bool readOnlyMode)
        {
            Expect(root, string.Empty, JsonValueKind.Object, "the policy must be a JSON object");
            CheckMembers(root, string.Empty, TopMembers);
            if (!root.TryGetProperty("version", out var version))
            {
                throw Fail(string.Empty, "the member \"version\" is required (use 1).");
            }

            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != 1)
            {
                throw Fail("version", $"\"version\" must be 1, not {version.GetRawText()}.");
            }

            TimeSpan? timeout = null;
            if (root.TryGetProperty("defaults", out var defaults))
            {
                Expect(defaults, "defaults", JsonValueKind.Object, "\"defaults\" must be an object");
                CheckMembers(defaults, "defaults", DefaultsMembers);
                if (defaults.TryGetProperty("approvalTimeout", out var value))
                {
                    timeout = Duration(value, "defaults.approvalTimeout");
                }
            }

            if (root.TryGetProperty("description", out var description))
            {
                Expect(description, "description", JsonValueKind.String, "\"description\" must be a string");
            }

            if (!root.TryGetProperty("rules", out var rulesElement))
            {
                throw Fail(string.Empty, "the member \"rules\" is required (a list of rules).");
            }

            Expect(rulesElement, "rules", JsonValueKind.Array, "\"rules\" must be a list");
            var rules = new List<PolicyRule>();
            var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var element in rulesElement.EnumerateArray())
            {
                var path = $"rules[{index++}]";
                var rule = ReadRule(element, path);
                if (!ids.Add(rule.Id))
                {
                    throw Fail(path + ".id", $"the rule id \"{rule.Id}\" is used twice.");
                }

                rules.Add(rule);
            }

            return new ToolPolicy(rules, timeout, source, readOnlyMode);
        }

        private PolicyRule ReadRule(JsonElement element, string path)
        {
            Expect(element, path, JsonValueKind.Object, "a rule must be an object");
            CheckMembers(element, path, RuleMembers);
            var id = RequiredString(element, path, "id");
            if (!id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                throw Fail(path + ".id", $"the rule id \"{id}\" may only use letters, digits, '-', '_', '.' and ':'.");
            }

            if (!element.TryGetProperty("effect", out var effectElement))
            {
                throw Fail(path, $"rule \"{id}\": the member \"effect\" is required (allow or deny).");
            }

            var effect = Enum(effectElement, path + ".effect", ("allow", PolicyEffect.Allow), ("deny", PolicyEffect.Deny));
            var risk = element.TryGetProperty("risk", out var riskElement)
                ? Enum(riskElement, path + ".risk", ("low", RiskLevel.Low), ("medium", RiskLevel.Medium), ("high", RiskLevel.High))
                : effect == PolicyEffect.Deny ? RiskLevel.High : throw Fail(path, $"rule \"{id}\": an allow rule needs \"risk\" (low, medium or high).");
            var approval = element.TryGetProperty("approval", out var approvalElement)
                ? Enum(approvalElement, path + ".approval", ("automatic", ApprovalMode.Automatic), ("supervisor", ApprovalMode.Supervisor), ("committee", ApprovalMode.Committee))
                : effect == PolicyEffect.Deny ? ApprovalMode.Automatic : throw Fail(path, $"rule \"{id}\": an allow rule needs \"approval\" (automatic, supervisor or committee).");
            if (effect == PolicyEffect.Deny && element.TryGetProperty("approval", out _))
            {
                throw Fail(path + ".approval", $"rule \"{id}\": a deny rule has no \"approval\".");
            }

            return new PolicyRule
            {
                Id = id,
                Description = OptionalString(element, path, "description"),
                Tools = StringList(element, path, "tools").Select(glob => new GlobPattern(glob)).ToArray(),
                Annotations = element.TryGetProperty("annotations", out var annotations) ? ReadAnnotations(annotations, path + ".annotations") : null,
                Profiles = StringList(element, path, "profiles"),
                Channels = StringList(element, path, "channels"),
                Conditions = element.TryGetProperty("when", out var when) ? ReadConditions(when, path + ".when") : [],
                Effect = effect,
                Risk = risk,
                Approval = approval,
                ApprovalTimeout = element.TryGetProperty("approvalTimeout", out var timeout) ? Duration(timeout, path + ".approvalTimeout") : null,
                Line = lines.LineOf(path),
            };
        }

        private AnnotationMatch ReadAnnotations(JsonElement element, string path)
        {
            Expect(element, path, JsonValueKind.Object, "\"annotations\" must be an object");
            CheckMembers(element, path, AnnotationMembers);
            bool? Flag(string name)
            {
                if (!element.TryGetProperty(name, out var value))
                {
                    return null;
                }

                return value.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Fail($"{path}.{name}", $"\"{name}\" must be true or false."),
                };
            }

            return new AnnotationMatch(Flag("readOnly"), Flag("destructive"), Flag("idempotent"), Flag("openWorld"));
        }

        private List<PolicyCondition> ReadConditions(JsonElement element, string path)
        {
            Expect(element, path, JsonValueKind.Array, "\"when\" must be a list of conditions");
            var conditions = new List<PolicyCondition>();
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                var itemPath = $"{path}[{index++}]";
                Expect(item, itemPath, JsonValueKind.Object, "a condition must be an object with \"argument\", \"op\" and \"value\"");
                CheckMembers(item, itemPath, ConditionMembers);
                var argument = RequiredString(item, itemPath, "argument");
                if (!item.TryGetProperty("op", out var opElement))
                {
                    throw Fail(itemPath, "a condition needs \"op\".");
                }

                var op = Enum(
                    opElement,
                    itemPath + ".op",
                    ("==", ConditionOperator.Equal), ("!=", ConditionOperator.NotEqual), (">", ConditionOperator.GreaterThan), (">=", ConditionOperator.GreaterOrEqual),
                    ("<", ConditionOperator.LessThan), ("<=", ConditionOperator.LessOrEqual), ("in", ConditionOperator.In), ("notIn", ConditionOperator.NotIn),
                    ("exists", ConditionOperator.Exists), ("notExists", ConditionOperator.NotExists), ("matches", ConditionOperator.Matches));
                var hasValue = item.TryGetProperty("value", out var value);
                switch (op)
                {
                    case ConditionOperator.Exists or ConditionOperator.NotExists:
                        if (hasValue)
                        {
                            throw Fail(itemPath + ".value", $"\"{PolicyCondition.OperatorText(op)}\" takes no \"value\".");
                        }

                        break;
                    case ConditionOperator.In or ConditionOperator.NotIn:
                        if (!hasValue || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0
                            || value.EnumerateArray().Any(v => v.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)))
                        {
                            throw Fail(hasValue ? itemPath + ".value" : itemPath, $"\"{PolicyCondition.OperatorText(op)}\" needs a non-empty list of strings, numbers or booleans as \"value\".");
                        }

                        break;
                    case ConditionOperator.GreaterThan or ConditionOperator.GreaterOrEqual or ConditionOperator.LessThan or ConditionOperator.LessOrEqual:
                        if (!hasValue || value.ValueKind != JsonValueKind.Number)
                        {
                            throw Fail(hasValue ? itemPath + ".value" : itemPath, $"\"{PolicyCondition.OperatorText(op)}\" needs a number as \"value\".");
                        }

                        break;
                    case ConditionOperator.Matches:
                        if (!hasValue || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
                        {
                            throw Fail(hasValue ? itemPath + ".value" : itemPath, "\"matches\" needs a glob string as \"value\".");
                        }

                        break;
                    default:
                        if (!hasValue || value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
                        {
                            throw Fail(hasValue ? itemPath + ".value" : itemPath, $"\"{PolicyCondition.OperatorText(op)}\" needs a string, number or boolean as \"value\".");
                        }

                        break;
                }

                conditions.Add(new PolicyCondition(argument, op, hasValue ? value : default));
            }

            return conditions;
        }

        private TimeSpan Duration(JsonElement element, string path)
        {
            var text = element.ValueKind == JsonValueKind.String ? element.GetString()! : string.Empty;
            if (text.Length >= 2 && long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
            {
                TimeSpan? value = text[^1] switch
                {
                    's' => TimeSpan.FromSeconds(amount),
                    'm' => TimeSpan.FromMinutes(amount),
                    'h' => TimeSpan.FromHours(amount),
                    'd' => TimeSpan.FromDays(amount),
                    _ => null,
                };
                if (value is { } duration && duration <= TimeSpan.FromDays(30))
                {
                    return duration;
                }
            }

            throw Fail(path, $"{element.GetRawText()} is not a duration: use a whole number with s, m, h or d (e.g. \"4h\"), at most 30 days.");
        }

        private T Enum<T>(JsonElement element, string path, params (string Name, T Value)[] values)
        {
            if (element.ValueKind == JsonValueKind.String)
            {
                var text = element.GetString();
                foreach (var (name, value) in values)
                {
                    if (string.Equals(name, text, StringComparison.Ordinal))
                    {
                        return value;
                    }
                }
            }

            throw Fail(path, $"{element.GetRawText()} is not allowed here; use one of {string.Join(", ", values.Select(v => v.Name))}.");
        }

        private string RequiredString(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                throw Fail(path, $"the member \"{name}\" is required.");
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                throw Fail($"{path}.{name}", $"\"{name}\" must be a non-empty string.");
            }

            return value.GetString()!;
        }

        private string? OptionalString(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return null;
            }

            Expect(value, $"{path}.{name}", JsonValueKind.String, $"\"{name}\" must be a string");
            return value.GetString();
        }

        private string[] StringList(JsonElement element, string path, string name)
        {
            if (!element.TryGetProperty(name, out var value))
            {
                return [];
            }

            var listPath = $"{path}.{name}";
            if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            {
                throw Fail(listPath, $"\"{name}\" must be a non-empty list of strings (leave it out to match any).");
            }

            var items = new List<string>();
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
                {
                    throw Fail($"{listPath}[{index}]", $"\"{name}\" must hold non-empty strings, not {item.GetRawText()}.");
                }

                items.Add(item.GetString()!);
                index++;
            }

            return [.. items];
        }

        private void CheckMembers(JsonElement element, string path, string[] allowed)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (!allowed.Contains(member.Name, StringComparer.Ordinal))
                {
                    var where = path.Length == 0 ? member.Name : $"{path}.{member.Name}";
                    throw Fail(where, $"unknown member \"{member.Name}\"{(path.Length == 0 ? string.Empty : " in " + path)}; allowed: {string.Join(", ", allowed)}.");
                }
            }
        }

        private void Expect(JsonElement element, string path, JsonValueKind kind, string problem)
        {
            if (element.ValueKind != kind)
            {
                throw Fail(path, problem + ".");
            }
        }

        private PolicyFileException Fail(string path, string problem) =>
            new(source, lines.LineOf(path), path.Length == 0 ? problem : $"{path}: {problem}");
    }
}
