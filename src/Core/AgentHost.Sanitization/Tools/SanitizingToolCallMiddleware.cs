using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Control;
using AgentHost.Abstractions.Conversations;
using AgentHost.Abstractions.Tools;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AgentHost.Sanitization.Tools;

/// <summary>
/// Runs every tool result through <see cref="ToolResultSanitizer"/> before it enters the conversation and the store:
/// instruction-like text is replaced by a placeholder, personal data is masked, the result is wrapped as data with its
/// provenance (<see cref="ToolResultEnvelopeWriter"/>), and the call is flagged (<see cref="SanitizationFlags"/>). Benign results
/// reach the model with their characters unchanged inside the envelope. Error texts of failed calls are sanitised too
/// (they can quote the tool's data); the host's own messages (denials, suspensions, timeouts) pass as they are.
/// </summary>
/// <remarks>
/// Register it after the control layer's middleware, so that the audit and the supervisor feed see the sanitised result and
/// its flags. When an audit trail is given, every sanitised result adds a <see cref="AuditKind"/> record with the findings
/// (category, JSON path and, for personal data, the value's hash; never the value), handed to the control layer's audit
/// middleware when it is around (<see cref="DeferredAudit"/>: written with the call's result record in one store write);
/// if that record cannot be written, the result is withheld from the model (fail closed). Logs name categories and counts only.
/// </remarks>
public sealed partial class SanitizingToolCallMiddleware : IToolCallMiddleware
{
    /// <summary>The audit record kind of a sanitised tool result.</summary>
    public const string AuditKind = "toolResultSanitised";

    private const int MaxAuditedFindings = 50;

    private readonly ToolResultSanitizer _sanitizer;
    private readonly bool _envelope;
    private readonly string _placeholder;
    private readonly IAuditTrail? _audit;
    private readonly ILogger _logger;

    /// <summary>Creates the middleware.</summary>
    /// <param name="options">The settings (read once); <see cref="SanitizationOptions.Envelope"/> decides the envelope.</param>
    /// <param name="auditTrail">Where findings are recorded; null records none.</param>
    /// <param name="logger">The logger; null logs nothing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    public SanitizingToolCallMiddleware(SanitizationOptions options, IAuditTrail? auditTrail = null, ILogger<SanitizingToolCallMiddleware>? logger = null)
        : this(new ToolResultSanitizer(options ?? throw new ArgumentNullException(nameof(options))), options, auditTrail, logger)
    {
    }

    /// <summary>Creates the middleware over an existing sanitiser.</summary>
    /// <param name="sanitizer">The sanitiser.</param>
    /// <param name="options">The settings the sanitiser was made with.</param>
    /// <param name="auditTrail">Where findings are recorded; null records none.</param>
    /// <param name="logger">The logger; null logs nothing.</param>
    /// <exception cref="ArgumentNullException"><paramref name="sanitizer"/> or <paramref name="options"/> is null.</exception>
    public SanitizingToolCallMiddleware(ToolResultSanitizer sanitizer, SanitizationOptions options, IAuditTrail? auditTrail = null, ILogger<SanitizingToolCallMiddleware>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sanitizer);
        ArgumentNullException.ThrowIfNull(options);
        _sanitizer = sanitizer;
        _envelope = options.Enabled && options.Envelope;
        _placeholder = string.IsNullOrEmpty(options.Injection.Placeholder) ? InjectionOptions.DefaultPlaceholder : options.Injection.Placeholder;
        _audit = auditTrail;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask<ToolCallOutcome> InvokeAsync(ToolCallContext context, ToolCallHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var outcome = await next(context, cancellationToken).ConfigureAwait(false);
        if (outcome.Status is not (ToolCallStatus.Success or ToolCallStatus.Error))
        {
            return outcome;
        }

        var findings = new List<SanitizationFinding>();
        object? result;
        try
        {
            result = outcome.Status == ToolCallStatus.Success
                ? SanitizeSuccess(outcome.Result, context.ToolName, context.CallId, findings)
                : outcome.Result is string error ? Text(error, context.ToolName, findings, json: false) : outcome.Result;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(_logger, ex, context.ToolName, context.CallId, ex.GetType().Name);
            return ToolCallOutcome.Failure(
                ToolCallStatus.Error,
                "The tool's result could not be checked, so it was withheld. Do not retry the call; tell the customer a colleague will follow up.",
                ex).WithFlag(SanitizationFlags.Failed);
        }

        var sanitised = outcome.WithResult(result);
        if (findings.Count == 0)
        {
            return sanitised;
        }

        var injections = findings.Count(f => f.Kind == FindingKind.Injection);
        var pii = findings.Count - injections;
        if (injections > 0)
        {
            sanitised = sanitised.WithFlag(SanitizationFlags.Injection);
        }

        if (pii > 0)
        {
            sanitised = sanitised.WithFlag(SanitizationFlags.Pii);
        }

        var categories = string.Join(',', findings.Select(f => f.Category).Distinct(StringComparer.Ordinal));
        LogSanitised(_logger, context.ToolName, context.CallId, injections, pii, categories);
        if (_audit is null)
        {
            return sanitised;
        }

        var entry = AuditEntryOf(context, findings, sanitised.Flags);
        if (DeferredAudit.TryDefer(context, entry))
        {
            // The control layer's audit middleware around this call writes it with the result record (one store write) and
            // withholds the result if that fails.
            return sanitised;
        }

        try
        {
            await _audit.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            return sanitised;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogAuditFailed(_logger, ex, context.ToolName, context.CallId);
            return ToolCallOutcome.Failure(
                ToolCallStatus.Error,
                "The tool call was made but its result could not be recorded. Do not retry it; tell the customer a colleague will check it.",
                ex).WithFlag(SanitizationFlags.Failed);
        }
    }

    private object? SanitizeSuccess(object? result, string toolName, string callId, List<SanitizationFinding> findings)
    {
        switch (result)
        {
            case null:
                return null;
            case string text:
                return Wrap(Text(text, toolName, findings, json: true), toolName, callId);
            case TextContent content:
                return Wrap(Text(content.Text, toolName, findings, json: true), toolName, callId);
            case JsonElement element:
                return Json(element, toolName, callId, findings);
            case IEnumerable<AIContent> contents:
                return Contents(contents, toolName, callId, findings);
            default:
                JsonElement converted;
                try
                {
                    converted = ConversationJson.ToElement(result);
                }
                catch (NotSupportedException)
                {
                    return Wrap(Text(result.ToString() ?? string.Empty, toolName, findings, json: false), toolName, callId);
                }

                return Json(converted, toolName, callId, findings);
        }
    }

    private string Text(string text, string toolName, List<SanitizationFinding> findings, bool json)
    {
        var sanitised = json ? _sanitizer.Sanitize(text, toolName) : _sanitizer.SanitizeText(text, toolName);
        findings.AddRange(sanitised.Findings);
        if (!_envelope)
        {
            return sanitised.Text;
        }

        var cleaned = ToolResultEnvelopeWriter.RemoveEnvelopeTags(sanitised.Text, _placeholder, out var removed);
        for (var i = 0; i < removed; i++)
        {
            findings.Add(new SanitizationFinding(FindingKind.Injection, "injection.markup", "$", 0, 0) { Family = InjectionFamily.Markup });
        }

        return cleaned;
    }

    private object Wrap(string text, string toolName, string callId) =>
        _envelope ? ToolResultEnvelopeWriter.WrapText(text, toolName, callId) : text;

    private object? Json(JsonElement element, string toolName, string callId, List<SanitizationFinding> findings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Wrap(Text(element.GetString() ?? string.Empty, toolName, findings, json: true), toolName, callId);
            case JsonValueKind.Object or JsonValueKind.Array:
                var raw = element.GetRawText();
                var sanitised = _sanitizer.Sanitize(raw, toolName);
                findings.AddRange(sanitised.Findings);
                if (_envelope)
                {
                    return ToolResultEnvelopeWriter.WrapJson(sanitised.Text, toolName, callId);
                }

                if (!sanitised.Changed)
                {
                    return element;
                }

                using (var document = JsonDocument.Parse(sanitised.Text))
                {
                    return document.RootElement.Clone();
                }

            default:
                // Numbers, booleans and null carry no text.
                return _envelope ? ToolResultEnvelopeWriter.WrapJson(element.GetRawText(), toolName, callId) : element;
        }
    }

    private List<AIContent> Contents(IEnumerable<AIContent> contents, string toolName, string callId, List<SanitizationFinding> findings)
    {
        var list = new List<AIContent>();
        if (_envelope)
        {
            list.Add(new TextContent(ToolResultEnvelopeWriter.OpenTag(toolName, callId)));
        }

        foreach (var content in contents)
        {
            if (content is TextContent text)
            {
                var sanitised = Text(text.Text, toolName, findings, json: true);
                list.Add(ReferenceEquals(sanitised, text.Text) ? text : new TextContent(sanitised) { AdditionalProperties = text.AdditionalProperties });
            }
            else
            {
                list.Add(content);
            }
        }

        if (_envelope)
        {
            list.Add(new TextContent(ToolResultEnvelopeWriter.CloseTag));
        }

        return list;
    }

    private static AuditEntry AuditEntryOf(ToolCallContext context, List<SanitizationFinding> findings, IReadOnlyList<string> flags)
    {
        var described = findings.Take(MaxAuditedFindings).Select(f => f.ValueHash is null ? $"{f.Category} {f.Path}" : $"{f.Category} {f.Path} {f.ValueHash}");
        var details = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["flags"] = string.Join(',', flags),
            ["findings"] = string.Join("; ", described),
            ["injections"] = findings.Count(f => f.Kind == FindingKind.Injection).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["pii"] = findings.Count(f => f.Kind == FindingKind.Pii).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (findings.Count > MaxAuditedFindings)
        {
            details["truncated"] = (findings.Count - MaxAuditedFindings).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new AuditEntry
        {
            SessionId = context.Invocation.SessionId,
            Kind = AuditKind,
            Actor = "system",
            TurnId = context.Invocation.TurnId,
            ToolName = context.ToolName,
            CallId = context.CallId,
            Summary = $"{details["injections"]} instruction-like span(s) removed, {details["pii"]} personal-data value(s) masked",
            Details = details,
        };
    }

    [LoggerMessage(EventId = 11000, Level = LogLevel.Information, Message = "Tool {ToolName} result sanitised (call {CallId}): {Injections} instruction-like span(s) removed, {Pii} personal-data value(s) masked ({Categories})")]
    private static partial void LogSanitised(ILogger logger, string toolName, string callId, int injections, int pii, string categories);

    [LoggerMessage(EventId = 11001, Level = LogLevel.Error, Message = "The result of tool {ToolName} (call {CallId}) could not be sanitised ({ErrorType}); it was withheld from the model")]
    private static partial void LogFailed(ILogger logger, Exception exception, string toolName, string callId, string errorType);

    [LoggerMessage(EventId = 11002, Level = LogLevel.Error, Message = "The sanitisation of tool {ToolName}'s result (call {CallId}) could not be audited; the result was withheld from the model")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string toolName, string callId);
}
