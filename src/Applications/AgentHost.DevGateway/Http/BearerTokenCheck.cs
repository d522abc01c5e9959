using System.Security.Cryptography;
using System.Text;
using AgentHost.DevGateway.Logging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AgentHost.DevGateway.Http;

/// <summary>
/// The optional bearer-token check in front of the MCP endpoint: without the configured token a request gets <c>401</c> with
/// <c>WWW-Authenticate: Bearer</c> and a JSON-RPC error body. Constant-time comparison; the token is never logged.
/// </summary>
internal sealed class BearerTokenCheck(string path, string bearerToken, ILogger logger)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(bearerToken);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!context.Request.Path.Equals(path, StringComparison.Ordinal) || IsAuthorized(context.Request.Headers.Authorization.ToString()))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        DevGatewayLog.Unauthorized(logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"agenthost-devgateway\"";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(
            """{"jsonrpc":"2.0","id":null,"error":{"code":-32000,"message":"Unauthorized: a valid bearer token is required."}}""",
            context.RequestAborted).ConfigureAwait(false);
    }

    private bool IsAuthorized(string header)
    {
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) &&
            CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()), _expected);
    }
}
