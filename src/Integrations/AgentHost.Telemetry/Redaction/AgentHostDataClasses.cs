using Microsoft.Extensions.Compliance.Classification;

namespace AgentHost.Telemetry.Redaction;

/// <summary>
/// The data classification of AgentHost's logs and spans (taxonomy <c>AgentHost</c>). Every value the product logs or puts on
/// a span may have come from a caller, a model or a tool (a session id, an error message echoing a tool's input), so all of them
/// are classified <see cref="UserData"/> and pass the redactor registered for it (see <see cref="AgentHostRedactionExtensions"/>).
/// </summary>
public static class AgentHostDataClasses
{
    /// <summary>The taxonomy name: <c>AgentHost</c>.</summary>
    public const string TaxonomyName = "AgentHost";

    /// <summary>Values that may hold personal data or secrets a caller, model or tool supplied.</summary>
    public static DataClassification UserData { get; } = new(TaxonomyName, nameof(UserData));
}
