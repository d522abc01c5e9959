using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace AgentHost.AgentCore.Runtime.Serialization;

/// <summary>
/// A JSON response written in one piece with its <c>Content-Length</c>: the body is serialised first, so headers and body
/// leave in one write instead of a chunked stream (what <see cref="Results.Json{TValue}(TValue, JsonTypeInfo{TValue}, string?, int?)"/>
/// does), and a serialisation failure can still become a clean error response.
/// </summary>
/// <typeparam name="T">The body type, with source-generated metadata.</typeparam>
internal sealed class JsonBodyResult<T>(T value, JsonTypeInfo<T> typeInfo, int statusCode) : IResult, IStatusCodeHttpResult
{
    /// <inheritdoc />
    public int? StatusCode => statusCode;

    /// <summary>The body, for tests and logs.</summary>
    public T Value => value;

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var body = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(body))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.WrittenCount;
        await response.Body.WriteAsync(body.WrittenMemory, httpContext.RequestAborted).ConfigureAwait(false);
    }
}

/// <summary>Creates <see cref="JsonBodyResult{T}"/>s.</summary>
internal static class JsonBodyResult
{
    /// <summary>A JSON response with the status code (200 unless given).</summary>
    public static JsonBodyResult<T> Create<T>(T value, JsonTypeInfo<T> typeInfo, int statusCode = StatusCodes.Status200OK) => new(value, typeInfo, statusCode);
}
