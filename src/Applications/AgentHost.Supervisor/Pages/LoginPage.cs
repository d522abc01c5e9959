namespace AgentHost.Supervisor.Pages;

/// <summary>The sign-in page: paste a token (the development token printed at start-up, or an access token from the OIDC provider).</summary>
internal static class LoginPage
{
    public static string Body(string returnUrl, string antiforgeryField, string? error) =>
        "<h1>Sign in</h1>" + (error is null ? string.Empty : "<p class=\"error\" id=\"login-error\">" + Html.E(error) + "</p>") +
        "<form method=\"post\" action=\"/login\">" + antiforgeryField +
        "<input type=\"hidden\" name=\"returnUrl\" value=\"" + Html.E(returnUrl) + "\">" +
        "<label for=\"token\">Access token (JWT with a role: supervisor, approver or auditor)</label><textarea id=\"token\" name=\"token\" rows=\"4\" required></textarea>" +
        "<button type=\"submit\">Sign in</button></form>" +
        "<p class=\"muted\">Development mode prints a token and a sign-in link when the console starts (<code>agenthost supervisor</code>).</p>";
}
