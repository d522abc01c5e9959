using System.Text.Json.Serialization;

namespace AgentHost.Connect.Lambda.LambdaRuntime;

/// <summary>The Lambda error body (<c>application/vnd.aws.lambda.error+json</c>).</summary>
internal sealed class LambdaError
{
    [JsonPropertyName("errorMessage")]
    public required string ErrorMessage { get; init; }

    [JsonPropertyName("errorType")]
    public required string ErrorType { get; init; }

    [JsonPropertyName("stackTrace")]
    public IReadOnlyList<string> StackTrace { get; init; } = [];
}
