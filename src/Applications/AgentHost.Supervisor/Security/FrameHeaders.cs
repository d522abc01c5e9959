using Microsoft.AspNetCore.Http;

namespace AgentHost.Supervisor.Security;

/// <summary>
/// Security headers on every response: no page may be framed (<c>X-Frame-Options: DENY</c>, CSP <c>frame-ancestors 'none'</c>)
/// except the escalation pages (<c>/escalations/...</c>), which allow the origins of <see cref="SupervisorConsoleOptions.FrameAncestors"/>
/// (the Amazon Connect agent workspace) through CSP <c>frame-ancestors</c> alone (X-Frame-Options cannot name an origin list).
/// Scripts and styles only from the console itself.
/// </summary>
internal static class FrameHeaders
{
    private const string BasePolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'";

    public static Task ApplyAsync(HttpContext context, SupervisorConsoleOptions options, Func<Task> next)
    {
        var headers = context.Response.Headers;
        var embeddable = context.Request.Path.StartsWithSegments("/escalations", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(options.FrameAncestors);
        headers.ContentSecurityPolicy = BasePolicy + "; frame-ancestors " + (embeddable ? options.FrameAncestors : "'none'");
        if (!embeddable)
        {
            headers.XFrameOptions = "DENY";
        }

        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return next();
    }
}
