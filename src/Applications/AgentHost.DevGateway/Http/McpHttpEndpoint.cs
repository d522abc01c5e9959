using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AgentHost.DevGateway.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace AgentHost.DevGateway.Http;

/// <summary>
/// Serves MCP Streamable HTTP without the ASP.NET Core MCP package: every POST gets its own stateless
/// <see cref="StreamableHttpServerTransport"/> and <see cref="McpServer"/>, which answer on the response body.
/// The tool state lives in the shared store, so statelessness only concerns the protocol session.
/// </summary>
internal sealed class McpHttpEndpoint(McpServerOptions serverOptions, string? bearerToken, ILoggerFactory loggerFactory)
{
    private static readonly JsonTypeInfo<JsonRpcMessage> MessageTypeInfo =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    private readonly byte[]? _expectedToken = bearerToken is null ? null : Encoding.UTF8.GetBytes(bearerToken);
    private readonly ILogger _logger = loggerFactory.CreateLogger<McpHttpEndpoint>();

    public async Task HandlePostAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        JsonRpcMessage? message;
        try
        {
            message = await JsonSerializer.DeserializeAsync(context.Request.Body, MessageTypeInfo, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            DevGatewayLog.MalformedRequest(_logger, ex);
            message = null;
        }

        if (message is null)
        {
            await WriteErrorAsync(context, StatusCodes.Status400BadRequest, "Bad Request: the body is not a JSON-RPC message.").ConfigureAwait(false);
            return;
        }

        string protocolVersion = context.Request.Headers["MCP-Protocol-Version"].ToString();
        if (protocolVersion.Length > 0)
        {
            message.Context ??= new JsonRpcMessageContext();
            message.Context.ProtocolVersion = protocolVersion;
        }

        await RunAsync(context, message).ConfigureAwait(false);
    }

    public async Task HandleGetOrDeleteAsync(HttpContext context)
    {
        if (!await AuthorizeAsync(context).ConfigureAwait(false))
        {
            return;
        }

        // Stateless: no standalone SSE stream and no sessions to delete.
        context.Response.Headers.Allow = "POST";
        await WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, "Method Not Allowed: this gateway is stateless; use POST.").ConfigureAwait(false);
    }

    private async Task RunAsync(HttpContext context, JsonRpcMessage message)
    {
        StreamableHttpServerTransport transport = new(loggerFactory) { Stateless = true };
        McpServer server = McpServer.Create(transport, serverOptions, loggerFactory);
        Task session = server.RunAsync(context.RequestAborted);
        try
        {
            context.Response.Headers.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache,no-store";
            context.Response.Headers.ContentEncoding = "identity";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            bool wrote = await transport.HandlePostRequestAsync(message, context.Response.Body, context.RequestAborted).ConfigureAwait(false);
            if (!wrote && !context.Response.HasStarted)
            {
                context.Response.Headers.ContentType = (string?)null;
                context.Response.StatusCode = StatusCodes.Status202Accepted;
            }
        }
        finally
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            try
            {
                await session.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The request ended; the session pump stops with it.
            }

            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<bool> AuthorizeAsync(HttpContext context)
    {
        if (_expectedToken is null)
        {
            return true;
        }

        string header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), _expectedToken))
        {
            return true;
        }

        DevGatewayLog.Unauthorized(_logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"agenthost-devgateway\"";
        await WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized: a valid bearer token is required.").ConfigureAwait(false);
        return false;
    }

    private static async Task WriteErrorAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        JsonRpcError error = new() { Id = default, Error = new JsonRpcErrorDetail { Code = -32000, Message = text } };
        await JsonSerializer.SerializeAsync(context.Response.Body, error, (JsonTypeInfo<JsonRpcError>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcError)), context.RequestAborted).ConfigureAwait(false);
    }
}
