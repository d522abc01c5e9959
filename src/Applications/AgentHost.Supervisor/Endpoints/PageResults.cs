using AgentHost.Supervisor.Pages;
using AgentHost.Supervisor.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AgentHost.Supervisor.Endpoints;

/// <summary>Helpers shared by the endpoints: whole pages, antiforgery fields, local redirects, the services.</summary>
internal static class PageResults
{
    /// <summary>A trim-safe endpoint (no reflection over a delegate's parameters) from a handler returning a result.</summary>
    public static RequestDelegate Handler(Func<HttpContext, Task<IResult>> handler) => async context => await (await handler(context)).ExecuteAsync(context);

    /// <summary>A trim-safe endpoint from a synchronous handler.</summary>
    public static RequestDelegate Handler(Func<HttpContext, IResult> handler) => context => handler(context).ExecuteAsync(context);

    /// <summary>A route value.</summary>
    public static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? string.Empty;

    public static SupervisorConsoleServices Services(HttpContext context) => context.RequestServices.GetRequiredService<SupervisorConsoleServices>();

    public static IResult Page(HttpContext context, string title, string body, int status = StatusCodes.Status200OK)
    {
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        var html = Layout.Page(title, signedIn ? ConsoleUser.NameOf(context.User) : null, signedIn ? ConsoleUser.RolesOf(context.User) : [], body);
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    public static IResult Fragment(string html) => Results.Content(html, "text/html; charset=utf-8");

    /// <summary>A hidden input with a fresh antiforgery request token (its cookie is set on this response).</summary>
    public static string AntiforgeryField(HttpContext context)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return $"<input type=\"hidden\" name=\"{Html.E(tokens.FormFieldName)}\" value=\"{Html.E(tokens.RequestToken)}\">";
    }

    /// <summary>
    /// Checks the antiforgery token of a form post. Requests that carry their token in the <c>Authorization</c> header (scripts,
    /// not browsers, which never add it by themselves) cannot be forged cross-site and need none.
    /// </summary>
    public static async Task<bool> IsValidPostAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    public static IResult Forbidden(HttpContext context, string message) =>
        Page(context, "Refused", "<h1>Refused</h1><p class=\"error\" id=\"refused\">" + Html.E(message) + "</p>", StatusCodes.Status400BadRequest);

    /// <summary>A local path to go back to (never another site).</summary>
    public static string LocalOr(string? url, string fallback) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : fallback;
}
