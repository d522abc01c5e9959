using AgentHost.Supervisor.Pages;
using AgentHost.Supervisor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgentHost.Supervisor.Endpoints;

/// <summary><c>/login</c> (paste a token, or follow the development link) and <c>/logout</c>: the token goes into an HttpOnly cookie.</summary>
internal static class LoginEndpoints
{
    public static void Map(WebApplication app, SupervisorConsoleOptions options)
    {
        app.MapGet("/login", PageResults.Handler(context =>
        {
            var token = context.Request.Query["token"].ToString();
            string? returnUrl = context.Request.Query["returnUrl"];
            var back = PageResults.LocalOr(returnUrl, "/");
            if (!string.IsNullOrWhiteSpace(token))
            {
                // The development link printed at start-up: the token is checked on the next request like any other.
                context.Response.Cookies.Append(ConsoleAuthentication.CookieName, token.Trim(), ConsoleAuthentication.CookieOptions(context.Request, options, options.DevelopmentTokenLifetime));
                return Results.Redirect(back);
            }

            return PageResults.Page(context, "Sign in", LoginPage.Body(back, PageResults.AntiforgeryField(context), null));
        })).AllowAnonymous();

        app.MapPost("/login", PageResults.Handler(async context =>
        {
            if (!await PageResults.IsValidPostAsync(context))
            {
                return PageResults.Forbidden(context, "The form expired; reload the page and try again.");
            }

            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var token = form["token"].ToString().Trim();
            var back = PageResults.LocalOr(form["returnUrl"], "/");
            if (token.Length == 0)
            {
                return PageResults.Page(context, "Sign in", LoginPage.Body(back, PageResults.AntiforgeryField(context), "Paste a token."), StatusCodes.Status400BadRequest);
            }

            context.Response.Cookies.Append(ConsoleAuthentication.CookieName, token, ConsoleAuthentication.CookieOptions(context.Request, options, options.DevelopmentTokenLifetime));
            return Results.Redirect(back, permanent: false, preserveMethod: false);
        })).AllowAnonymous();

        app.MapPost("/logout", PageResults.Handler(context =>
        {
            context.Response.Cookies.Delete(ConsoleAuthentication.CookieName);
            return Results.Redirect("/login");
        })).AllowAnonymous();
    }
}
