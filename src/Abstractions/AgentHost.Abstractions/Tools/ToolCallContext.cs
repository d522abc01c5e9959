using System.Text.Json;
using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Conversations;
using Microsoft.Extensions.AI;

namespace AgentHost.Abstractions.Tools;

/// <summary>One tool call as it passes the <see cref="IToolCallMiddleware"/> chain. Created by the agent loop.</summary>
public sealed class ToolCallContext
{
    private IDictionary<string, object?> _arguments;
    private JsonElement? _argumentsJson;
    private Dictionary<string, object?>? _callItems;

    /// <summary>Creates the context.</summary>
    /// <param name="invocation">The invocation (session, turn, caller, channel, deadline).</param>
    /// <param name="callId">The model's id for the call.</param>
    /// <param name="toolName">The tool name the model used.</param>
    /// <param name="tool">The resolved tool, or null when no tool has that name.</param>
    /// <param name="arguments">The arguments the model gave.</param>
    /// <param name="items">State shared by the hooks and middleware of one turn.</param>
    /// <param name="timeout">The timeout the innermost step applies.</param>
    public ToolCallContext(
        InvocationContext invocation,
        string callId,
        string toolName,
        AIFunction? tool,
        IDictionary<string, object?> arguments,
        IDictionary<string, object?> items,
        TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentException.ThrowIfNullOrEmpty(callId);
        ArgumentNullException.ThrowIfNull(toolName);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(items);
        Invocation = invocation;
        CallId = callId;
        ToolName = toolName;
        Tool = tool;
        _arguments = arguments;
        Items = items;
        Timeout = timeout;
    }

    /// <summary>The invocation: session, turn, caller identity and credential, channel, contact, attributes, deadline.</summary>
    public InvocationContext Invocation { get; }

    /// <summary>The model's id for the call.</summary>
    public string CallId { get; }

    /// <summary>The tool name the model used.</summary>
    public string ToolName { get; }

    /// <summary>The resolved tool, or null when no tool has that name (the innermost step then answers <see cref="ToolCallStatus.NotFound"/>).</summary>
    public AIFunction? Tool { get; }

    /// <summary>The arguments. Replace the dictionary (or change its entries and call <see cref="ArgumentsChanged"/>) to change what the tool receives.</summary>
    public IDictionary<string, object?> Arguments
    {
        get => _arguments;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _arguments = value;
            _argumentsJson = null;
        }
    }

    /// <summary>
    /// The arguments as one JSON object, serialised once per version of <see cref="Arguments"/> and shared by everything
    /// that needs it (events, records, hashes, the gateway call).
    /// </summary>
    public JsonElement ArgumentsJson => _argumentsJson ??= ConversationJson.ToJsonObject(_arguments);

    /// <summary>State shared by the hooks and middleware of one turn.</summary>
    public IDictionary<string, object?> Items { get; }

    /// <summary>
    /// State shared by the middleware of this one call only (the calls of a turn may run concurrently, so per-call state does not
    /// belong in <see cref="Items"/>). Created on first use.
    /// </summary>
    public IDictionary<string, object?> CallItems => _callItems ??= new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>How long the tool may run; the innermost step abandons it after that. A middleware may change it.</summary>
    public TimeSpan Timeout { get; set; }

    /// <summary>Set when this call resumes a call suspended in an earlier turn; null for a call the model just made.</summary>
    public ToolCallResumption? Resumption { get; init; }

    /// <summary>Where the running tool reports progress (the loop streams each report as a <see cref="ToolCallProgressEvent"/>); null when nobody listens.</summary>
    public IProgress<ToolProgress>? Progress { get; init; }

    /// <summary>Call after changing entries of <see cref="Arguments"/> in place, so that <see cref="ArgumentsJson"/> is computed again.</summary>
    public void ArgumentsChanged() => _argumentsJson = null;
}
