using System.Globalization;
using System.Text.Json;

namespace AgentHost.Connect.Flows;

/// <summary>
/// Checks a Connect flow (flow language <c>2019-10-30</c>) before it is deployed: the structure (the start action exists,
/// every <c>NextAction</c> and error target resolves, identifiers are unique and valid, no action is unreachable, the action
/// count is within the limit, action types are known) and the silent rejections seen in practice (an empty
/// <c>Conditions: []</c>, <c>LexInitializationData</c> on <c>ConnectParticipantWithLexBot</c>, <c>CreateWisdomSession</c>
/// without <c>WisdomAssistantArn</c>). Accepts a bare flow, or an export that wraps it in <c>Content</c> (an object or a
/// JSON string, as <c>DescribeContactFlow</c> returns it).
/// </summary>
public static class FlowLinter
{
    /// <summary>The only flow language version Connect accepts.</summary>
    public const string FlowVersion = "2019-10-30";

    private const int MaxIdentifierLength = 50;
    private static readonly char[] ForbiddenIdentifierCharacters = ['%', ':', '(', '\\', '/', ')', '=', '$', ',', ';', '[', ']', '{', '}'];
    private static readonly HashSet<string> ReservedIdentifiers = new(StringComparer.Ordinal)
    {
        "__proto__", "constructor", "__defineGetter__", "__defineSetter__", "toString", "hasOwnProperty", "isPrototypeOf",
        "propertyIsEnumerable", "toLocaleString", "valueOf",
    };

    private static readonly JsonDocumentOptions ParseOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Lints a flow.</summary>
    /// <param name="json">The flow JSON.</param>
    /// <param name="options">Limits; default <see cref="FlowLintOptions"/>.</param>
    /// <returns>The findings, errors first.</returns>
    public static IReadOnlyList<FlowDiagnostic> Lint(string json, FlowLintOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        options ??= new FlowLintOptions();
        var findings = new List<FlowDiagnostic>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, ParseOptions);
        }
        catch (JsonException ex)
        {
            findings.Add(Error("FL001", null, $"The file is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, byte {ex.BytePositionInLine ?? 0}).", "Connect accepts strict JSON: no comments, no trailing commas."));
            return findings;
        }

        using (document)
        {
            var (flow, inner) = Unwrap(document.RootElement, findings);
            using (inner)
            {
                if (flow is { } element)
                {
                    LintFlow(element, options, findings);
                }
            }
        }

        return [.. findings.OrderByDescending(f => f.Severity)];
    }

    private static (JsonElement? Flow, JsonDocument? Inner) Unwrap(JsonElement root, List<FlowDiagnostic> findings)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("ContactFlow", out var described) && described.ValueKind == JsonValueKind.Object)
        {
            root = described;
        }

        if (root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("Actions", out _) && root.TryGetProperty("Content", out var content))
        {
            if (content.ValueKind == JsonValueKind.Object)
            {
                return (content, null);
            }

            if (content.ValueKind == JsonValueKind.String)
            {
                try
                {
                    var inner = JsonDocument.Parse(content.GetString()!, ParseOptions);
                    return (inner.RootElement, inner);
                }
                catch (JsonException ex)
                {
                    findings.Add(Error("FL001", null, $"Content is a string that is not valid JSON (line {(ex.LineNumber ?? 0) + 1}).", "Content must hold the flow as JSON."));
                    return (null, null);
                }
            }
        }

        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
        {
            findings.Add(Error("FL001", null, "This is not a Connect flow: there is no Actions array.", "A flow is {\"Version\":\"2019-10-30\",\"StartAction\":...,\"Actions\":[...]}, or an export with the flow under Content."));
            return (null, null);
        }

        return (root, null);
    }

    private static void LintFlow(JsonElement flow, FlowLintOptions options, List<FlowDiagnostic> findings)
    {
        var version = String(flow, "Version");
        if (version != FlowVersion)
        {
            findings.Add(Error("FL002", null, version is null ? "Version is missing." : $"Version is '{version}'.", $"Set \"Version\": \"{FlowVersion}\", the only flow language version Connect accepts."));
        }

        var actions = new List<(string Id, string? Type, JsonElement Element)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var action in flow.GetProperty("Actions").EnumerateArray())
        {
            index++;
            var position = index.ToString(CultureInfo.InvariantCulture);
            if (action.ValueKind != JsonValueKind.Object)
            {
                findings.Add(Error("FL004", null, $"Action number {position} is not an object.", "Each action is {\"Identifier\",\"Type\",\"Parameters\",\"Transitions\"}."));
                continue;
            }

            var id = String(action, "Identifier");
            if (string.IsNullOrEmpty(id))
            {
                findings.Add(Error("FL004", null, $"Action number {position} has no Identifier.", "Give every action a unique Identifier of at most 50 characters."));
                continue;
            }

            CheckIdentifier(id, findings);
            if (!ids.Add(id))
            {
                findings.Add(Error("FL005", id, "The Identifier is used by more than one action.", "Identifiers must be unique within a flow; rename one of them and its references."));
            }

            var type = String(action, "Type");
            if (string.IsNullOrEmpty(type))
            {
                findings.Add(Error("FL004", id, "The action has no Type.", "Set Type to a flow language action type, e.g. MessageParticipant."));
            }
            else if (!FlowActionTypes.Known.Contains(type))
            {
                findings.Add(Warning("FL010", id, $"Unknown action type '{type}'.", "Check the spelling against the flow language reference; ignore this if Connect added the type recently."));
            }

            actions.Add((id, type, action));
        }

        if (actions.Count > options.MaxActions)
        {
            findings.Add(Error("FL008", null, $"The flow has {actions.Count} actions; the limit is {options.MaxActions}.", "Split the flow with InvokeFlowModule or TransferToFlow."));
        }

        var start = String(flow, "StartAction");
        if (start is null)
        {
            findings.Add(Error("FL003", null, "StartAction is missing.", "Set StartAction to the Identifier of the first action."));
        }
        else if (!ids.Contains(start))
        {
            findings.Add(Error("FL003", null, $"StartAction '{start}' is not the Identifier of any action.", "Set StartAction to an existing Identifier."));
        }

        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (id, type, element) in actions)
        {
            edges[id] = LintTransitions(id, type, element, ids, options, findings);
            LintSilentRejections(id, type, element, findings);
        }

        if (start is not null && ids.Contains(start))
        {
            var reached = Reach(start, edges);
            foreach (var (id, _, _) in actions.Where(a => !reached.Contains(a.Id)))
            {
                findings.Add(Error("FL007", id, "The action is unreachable from StartAction.", "Connect the action to the flow or delete it."));
            }
        }
    }

    private static List<string> LintTransitions(string id, string? type, JsonElement action, HashSet<string> ids, FlowLintOptions options, List<FlowDiagnostic> findings)
    {
        var targets = new List<string>();
        if (!action.TryGetProperty("Transitions", out var transitions) || transitions.ValueKind != JsonValueKind.Object)
        {
            if (type is not null && !FlowActionTypes.Terminal.Contains(type))
            {
                findings.Add(Error("FL004", id, "The action has no Transitions object.", "Add \"Transitions\": {\"NextAction\": ..., \"Errors\": [...]}, or {} for an action that ends the flow."));
            }

            return targets;
        }

        void Target(string? next, string where)
        {
            if (next is null)
            {
                return;
            }

            targets.Add(next);
            if (!ids.Contains(next))
            {
                findings.Add(Error("FL006", id, $"{where} '{next}' is not the Identifier of any action.", "Point it at an existing action (Identifiers are case-sensitive)."));
            }
        }

        Target(String(transitions, "NextAction"), "NextAction");
        var hasErrors = false;
        var hasNoMatchingCondition = false;
        if (transitions.TryGetProperty("Errors", out var errors))
        {
            if (errors.ValueKind != JsonValueKind.Array)
            {
                findings.Add(Error("FL004", id, "Transitions.Errors is not an array.", "Errors is an array of {\"NextAction\",\"ErrorType\"}."));
            }
            else
            {
                foreach (var error in errors.EnumerateArray())
                {
                    hasErrors = true;
                    var errorType = String(error, "ErrorType");
                    hasNoMatchingCondition |= errorType == "NoMatchingCondition";
                    if (errorType is null)
                    {
                        findings.Add(Error("FL004", id, "An error branch has no ErrorType.", "Set ErrorType, e.g. NoMatchingError."));
                    }

                    Target(String(error, "NextAction"), $"The {errorType ?? "error"} branch target");
                }
            }
        }

        if (transitions.TryGetProperty("Conditions", out var conditions))
        {
            if (conditions.ValueKind != JsonValueKind.Array)
            {
                findings.Add(Error("FL004", id, "Transitions.Conditions is not an array.", "Conditions is an array of {\"NextAction\",\"Condition\":{\"Operator\",\"Operands\"}}."));
            }
            else if (conditions.GetArrayLength() == 0)
            {
                findings.Add(Error("FL011", id, "Transitions has an empty Conditions array, which Connect rejects silently.", "Omit the Conditions field instead of leaving it empty."));
            }
            else
            {
                foreach (var condition in conditions.EnumerateArray())
                {
                    Target(String(condition, "NextAction"), "A condition's NextAction");
                }
            }
        }

        if (type == "ConnectParticipantWithLexBot" && !hasNoMatchingCondition)
        {
            findings.Add(Warning("FL014", id, "The Lex block has no NoMatchingCondition branch.", "NoMatchingCondition is the normal exit when the bot returns control (not an error): route it to the block that reads $.Lex.SessionAttributes."));
        }

        if (options.RequireErrorBranches && !hasErrors && type is not null && !FlowActionTypes.Terminal.Contains(type) && !FlowActionTypes.WithoutErrors.Contains(type) && targets.Count > 0)
        {
            findings.Add(Warning("FL015", id, "The action has no error branch.", "Add Errors with NoMatchingError (and the action's own error types) so a failure does not end the contact."));
        }

        return targets;
    }

    private static void LintSilentRejections(string id, string? type, JsonElement action, List<FlowDiagnostic> findings)
    {
        action.TryGetProperty("Parameters", out var parameters);
        var hasParameters = parameters.ValueKind == JsonValueKind.Object;
        if (type == "ConnectParticipantWithLexBot" && hasParameters && parameters.TryGetProperty("LexInitializationData", out _))
        {
            findings.Add(Error("FL012", id, "ConnectParticipantWithLexBot has LexInitializationData, which Connect rejects silently.", "Remove LexInitializationData and give the bot's opening prompt as Parameters.Text."));
        }

        if (type == "CreateWisdomSession" && (!hasParameters || string.IsNullOrWhiteSpace(String(parameters, "WisdomAssistantArn"))))
        {
            findings.Add(Error("FL013", id, "CreateWisdomSession has no WisdomAssistantArn, which Connect rejects silently.", "Set Parameters.WisdomAssistantArn to the assistant's ARN."));
        }
    }

    private static void CheckIdentifier(string id, List<FlowDiagnostic> findings)
    {
        if (id.Length > MaxIdentifierLength || id.IndexOfAny(ForbiddenIdentifierCharacters) >= 0 || ReservedIdentifiers.Contains(id))
        {
            findings.Add(Error("FL009", id, "The Identifier is not allowed: at most 50 characters, none of % : ( \\ / ) = $ , ; [ ] { }, and not a reserved name such as constructor.", "Rename the action (UUIDs or short kebab-case names work)."));
        }
    }

    private static HashSet<string> Reach(string start, Dictionary<string, List<string>> edges)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { start };
        var queue = new Queue<string>([start]);
        while (queue.TryDequeue(out var current))
        {
            foreach (var next in edges.GetValueOrDefault(current) ?? [])
            {
                if (reached.Add(next))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return reached;
    }

    private static string? String(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static FlowDiagnostic Error(string code, string? id, string message, string hint) => new(FlowSeverity.Error, code, id, message, hint);

    private static FlowDiagnostic Warning(string code, string? id, string message, string hint) => new(FlowSeverity.Warning, code, id, message, hint);
}
