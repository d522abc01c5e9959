using System.Net;
using AgentHost.Bedrock.Wire;

namespace AgentHost.Bedrock.Errors;

/// <summary>Turns Bedrock error responses and exception frames into typed exceptions.</summary>
internal static class BedrockErrorFactory
{
    private static readonly string[] OverflowPhrases =
    [
        "input is too long",
        "too many input tokens",
        "prompt is too long",
        "context window",
        "context length",
        "exceeds the maximum number of tokens",
        "maximum context",
        "too many total text bytes",
        "input length and `max_tokens` exceed",
    ];

    /// <summary>Normalises an error type: the part after '#', cut at ':' or ','.</summary>
    public static string NormalizeType(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return string.Empty;
        }

        var value = raw.Trim();
        var cut = value.IndexOfAny([':', ',']);
        if (cut >= 0)
        {
            value = value[..cut];
        }

        var hash = value.LastIndexOf('#');
        return hash >= 0 ? value[(hash + 1)..] : value;
    }

    public static bool IsContextOverflowMessage(string? message)
        => message is not null && OverflowPhrases.Any(p => message.Contains(p, StringComparison.OrdinalIgnoreCase));

    public static Exception FromHttp(HttpStatusCode status, string? typeHeader, ErrorBody? body, string? requestId)
    {
        var type = NormalizeType(typeHeader);
        if (type.Length == 0)
        {
            type = NormalizeType(body?.Code);
        }

        if (type.Length == 0)
        {
            type = NormalizeType(body?.Type);
        }

        var message = string.IsNullOrWhiteSpace(body?.Message) ? $"Bedrock returned HTTP {(int)status} {status}." : body.Message;
        return Create(type.Length == 0 ? $"Http{(int)status}" : type, message, status, requestId);
    }

    public static Exception FromStreamFrame(string exceptionType, string? message)
    {
        var type = NormalizeType(exceptionType);
        var status = type.ToUpperInvariant() switch
        {
            "THROTTLINGEXCEPTION" => HttpStatusCode.TooManyRequests,
            "VALIDATIONEXCEPTION" => HttpStatusCode.BadRequest,
            "MODELSTREAMERROREXCEPTION" => HttpStatusCode.FailedDependency,
            "SERVICEUNAVAILABLEEXCEPTION" => HttpStatusCode.ServiceUnavailable,
            "INTERNALSERVEREXCEPTION" => HttpStatusCode.InternalServerError,
            "MODELTIMEOUTEXCEPTION" => HttpStatusCode.RequestTimeout,
            _ => (HttpStatusCode?)null,
        };
        return Create(type, string.IsNullOrWhiteSpace(message) ? $"Bedrock stream failed with {type}." : message, status, requestId: null);
    }

    private static Exception Create(string type, string message, HttpStatusCode? status, string? requestId)
    {
        var upper = type.ToUpperInvariant();
        if (upper is "THROTTLINGEXCEPTION" || status == HttpStatusCode.TooManyRequests && upper is not "MODELNOTREADYEXCEPTION")
        {
            var daily = message.Contains("per day", StringComparison.OrdinalIgnoreCase) || message.Contains("daily", StringComparison.OrdinalIgnoreCase);
            return new BedrockThrottlingException(message, daily, type) { RequestId = requestId };
        }

        if (upper is "VALIDATIONEXCEPTION" || (status == HttpStatusCode.BadRequest && upper.Length == 0))
        {
            var validation = new BedrockValidationException(message) { RequestId = requestId };
            return IsContextOverflowMessage(message)
                ? new BedrockContextWindowExceededException(message, validation)
                : validation;
        }

        if (upper is "ACCESSDENIEDEXCEPTION" or "UNRECOGNIZEDCLIENTEXCEPTION" or "EXPIREDTOKENEXCEPTION" or "INVALIDSIGNATUREEXCEPTION"
            || status is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
        {
            return new BedrockAccessDeniedException(message, type, status ?? HttpStatusCode.Forbidden) { RequestId = requestId };
        }

        var retryable = upper is "MODELNOTREADYEXCEPTION" or "INTERNALSERVEREXCEPTION" or "SERVICEUNAVAILABLEEXCEPTION"
            || (status is { } s && (int)s >= 500);
        return new BedrockException(message, type, status, retryable) { RequestId = requestId };
    }
}
