using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AgentHost.Core.Diagnostics;

/// <summary>
/// The names under which AgentHost emits traces and metrics, through the BCL's <see cref="ActivitySource"/> and
/// <see cref="Meter"/> only (no OpenTelemetry SDK here): spans <c>invoke_agent</c> per turn, <c>execute_tool</c> per tool call
/// and <c>store.*</c> per conversation-store operation, following the OpenTelemetry GenAI semantic conventions. Nothing is
/// recorded unless a listener subscribes (the OpenTelemetry SDK when export is enabled, or a test's listener), so the cost
/// with telemetry off is a null check per span and an <c>Enabled</c> check per measurement.
/// </summary>
public static class AgentHostTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name of the agent's spans: <c>AgentHost</c>.</summary>
    public const string SourceName = "AgentHost";

    /// <summary>The <see cref="Meter"/> name of the agent's metrics: <c>AgentHost</c>.</summary>
    public const string MeterName = "AgentHost";

    /// <summary>
    /// The ActivitySource and Meter name of M.E.AI's <c>OpenTelemetryChatClient</c> (the <c>chat</c> spans and the
    /// <c>gen_ai.client.*</c> metrics): <c>Experimental.Microsoft.Extensions.AI</c>.
    /// </summary>
    public const string ModelSourceName = "Experimental.Microsoft.Extensions.AI";

    /// <summary>
    /// The environment variable that opts in to recording message contents, tool arguments and tool results on spans:
    /// <c>OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT</c> (<c>true</c> to enable; default off). M.E.AI's chat client
    /// reads the same variable.
    /// </summary>
    public const string CaptureMessageContentVariable = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";

    internal static readonly ActivitySource Source = new(SourceName, typeof(AgentHostTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(MeterName, typeof(AgentHostTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>
    /// Whether tool arguments and results are recorded on <c>execute_tool</c> spans (<c>gen_ai.tool.call.arguments</c>,
    /// <c>gen_ai.tool.call.result</c>). Sensitive: they may hold personal data and secrets. Default: the value of
    /// <see cref="CaptureMessageContentVariable"/> at start-up (off unless it is <c>true</c>).
    /// </summary>
    public static bool CaptureMessageContent { get; set; } =
        string.Equals(Environment.GetEnvironmentVariable(CaptureMessageContentVariable), "true", StringComparison.OrdinalIgnoreCase);
}
