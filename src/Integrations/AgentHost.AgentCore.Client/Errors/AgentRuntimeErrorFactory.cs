using System.Net;
using System.Text.Json;
using AgentHost.AgentCore.Contracts;

namespace AgentHost.AgentCore.Client.Errors;

/// <summary>
/// Turns error responses into <see cref="AgentRuntimeException"/>s. The error type comes from the <c>x-amzn-ErrorType</c>
/// header, else the body's <c>__type</c> or <c>code</c> (AWS), else the host's <c>error_type</c>; the names are those of
/// the AgentCore data-plane service model (npm <c>@aws-sdk/client-bedrock-agentcore</c>). Without a known type the status decides.
/// </summary>
internal static class AgentRuntimeErrorFactory
{
    private const string RetryableConflict = "RetryableConflictException";

    private static readonly Dictionary<string, AgentRuntimeErrorKind> KindsByType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ValidationException"] = AgentRuntimeErrorKind.Validation,
        ["InvalidInputException"] = AgentRuntimeErrorKind.Validation,
        ["SerializationException"] = AgentRuntimeErrorKind.Validation,
        ["AccessDeniedException"] = AgentRuntimeErrorKind.AccessDenied,
        ["UnauthorizedException"] = AgentRuntimeErrorKind.AccessDenied,
        ["SubscriptionRequiredException"] = AgentRuntimeErrorKind.AccessDenied,
        ["UnrecognizedClientException"] = AgentRuntimeErrorKind.AccessDenied,
        ["InvalidSignatureException"] = AgentRuntimeErrorKind.AccessDenied,
        ["IncompleteSignatureException"] = AgentRuntimeErrorKind.AccessDenied,
        ["MissingAuthenticationTokenException"] = AgentRuntimeErrorKind.AccessDenied,
        ["ExpiredTokenException"] = AgentRuntimeErrorKind.AccessDenied,
        ["ResourceNotFoundException"] = AgentRuntimeErrorKind.NotFound,
        ["ConflictException"] = AgentRuntimeErrorKind.Conflict,
        [RetryableConflict] = AgentRuntimeErrorKind.Conflict,
        [RuntimeErrorTypes.ConversationConflict] = AgentRuntimeErrorKind.Conflict,
        ["ThrottlingException"] = AgentRuntimeErrorKind.Throttling,
        ["ThrottledException"] = AgentRuntimeErrorKind.Throttling,
        ["TooManyRequestsException"] = AgentRuntimeErrorKind.Throttling,
        ["ServiceQuotaExceededException"] = AgentRuntimeErrorKind.ServiceQuotaExceeded,
        ["RuntimeClientError"] = AgentRuntimeErrorKind.RuntimeClientError,
        ["InternalServerException"] = AgentRuntimeErrorKind.InternalServer,
        ["InternalFailure"] = AgentRuntimeErrorKind.InternalServer,
        ["ServiceException"] = AgentRuntimeErrorKind.InternalServer,
        [RuntimeErrorTypes.ModelError] = AgentRuntimeErrorKind.InternalServer,
        ["ServiceUnavailableException"] = AgentRuntimeErrorKind.ServiceUnavailable,
        ["ServiceUnavailable"] = AgentRuntimeErrorKind.ServiceUnavailable,
    };

    /// <summary>Normalises an AWS error type: the part after <c>#</c>, cut at <c>:</c> (e.g. <c>aws.protocols#X:http://...</c> -> <c>X</c>).</summary>
    public static string NormalizeType(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return string.Empty;
        }

        var value = raw.Trim();
        var cut = value.IndexOf(':', StringComparison.Ordinal);
        if (cut >= 0)
        {
            value = value[..cut];
        }

        var hash = value.LastIndexOf('#');
        return hash >= 0 ? value[(hash + 1)..] : value;
    }

    /// <summary>An exception for an HTTP error response.</summary>
    public static AgentRuntimeException FromHttp(HttpStatusCode status, string? typeHeader, ReadOnlySpan<byte> body, string? requestId, string turnId, int attempts)
    {
        var parsed = ParseBody(body);
        var type = NormalizeType(typeHeader);
        if (type.Length == 0)
        {
            type = NormalizeType(parsed.AwsType);
        }

        if (type.Length == 0)
        {
            type = parsed.HostType ?? string.Empty;
        }

        var kind = Classify(type, status);
        var message = parsed.Message ?? $"The agent runtime answered HTTP {(int)status} {status}.";
        return new AgentRuntimeException(kind, type.Length == 0 ? $"Http{(int)status}" : type, message, status, IsRetryable(kind, type))
        {
            RequestId = requestId,
            Details = parsed.Details,
            TurnId = turnId,
            Attempts = attempts,
        };
    }

    /// <summary>An exception for a host <c>error</c> event (a streamed turn failed, or a JSON call got a stream that failed).</summary>
    public static AgentRuntimeException FromErrorEvent(ErrorResponse error, string turnId, int attempts)
    {
        var type = string.IsNullOrWhiteSpace(error.ErrorType) ? "StreamError" : error.ErrorType;
        var kind = KindsByType.GetValueOrDefault(type, AgentRuntimeErrorKind.Unknown);
        return new AgentRuntimeException(kind, type, error.Error, statusCode: null, isRetryable: false)
        {
            Details = error.Details ?? error.Message,
            TurnId = turnId,
            Attempts = attempts,
        };
    }

    /// <summary>Whether a failure of this kind and type may succeed when sent again with the same turn id.</summary>
    public static bool IsRetryable(AgentRuntimeErrorKind kind, string type) => kind switch
    {
        AgentRuntimeErrorKind.Throttling or AgentRuntimeErrorKind.ServiceUnavailable or AgentRuntimeErrorKind.Connection or AgentRuntimeErrorKind.Timeout => true,
        AgentRuntimeErrorKind.InternalServer => !string.Equals(type, RuntimeErrorTypes.ModelError, StringComparison.Ordinal),
        AgentRuntimeErrorKind.Conflict => string.Equals(type, RetryableConflict, StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    private static AgentRuntimeErrorKind Classify(string type, HttpStatusCode status)
    {
        if (KindsByType.TryGetValue(type, out var kind))
        {
            return kind;
        }

        return (int)status switch
        {
            400 or 413 or 415 or 422 => AgentRuntimeErrorKind.Validation,
            401 or 403 => AgentRuntimeErrorKind.AccessDenied,
            402 => AgentRuntimeErrorKind.ServiceQuotaExceeded,
            404 => AgentRuntimeErrorKind.NotFound,
            408 => AgentRuntimeErrorKind.Timeout,
            409 => AgentRuntimeErrorKind.Conflict,
            424 => AgentRuntimeErrorKind.RuntimeClientError,
            429 => AgentRuntimeErrorKind.Throttling,
            502 or 503 or 504 => AgentRuntimeErrorKind.ServiceUnavailable,
            >= 500 and < 600 => AgentRuntimeErrorKind.InternalServer,
            _ => AgentRuntimeErrorKind.Unknown,
        };
    }

    private static (string? AwsType, string? HostType, string? Message, string? Details) ParseBody(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return default;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return default;
            }

            var awsType = String(root, "__type") ?? String(root, "code");
            var hostError = String(root, "error");
            var message = String(root, "message") ?? String(root, "Message");
            // The host's body: {"error": "...", "details": "...", "error_type": "...", "message": "..."}.
            return hostError is not null
                ? (awsType, String(root, "error_type"), hostError, String(root, "details") ?? message)
                : (awsType, null, message, null);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
}
