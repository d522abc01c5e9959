using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace AgentHost.Supervisor.Security;

/// <summary>
/// JWT bearer authentication for the console: tokens from an OIDC authority (production) or signed with the development
/// key (development mode), read from the <c>Authorization: Bearer</c> header or from the HttpOnly cookie that
/// <c>/login</c> sets; roles from the configured claim. Every page and stream needs a signed-in user with a role; actions
/// need their role (see <see cref="ConsoleRoles"/>).
/// </summary>
internal static class ConsoleAuthentication
{
    /// <summary>The cookie holding the token for browsers.</summary>
    public const string CookieName = "agenthost_console_token";

    public static void Add(IServiceCollection services, SupervisorConsoleOptions options, DevelopmentToken? development)
    {
        services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                jwt.RequireHttpsMetadata = options.Authority?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    NameClaimType = "name",
                    RoleClaimType = options.RoleClaim,
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ClockSkew = TimeSpan.FromMinutes(1),
                };
                if (development is not null)
                {
                    jwt.TokenValidationParameters.ValidIssuer = DevelopmentToken.Issuer;
                    jwt.TokenValidationParameters.ValidAudience = DevelopmentToken.Audience;
                    jwt.TokenValidationParameters.IssuerSigningKey = development.Key;
                }
                else
                {
                    jwt.Authority = options.Authority;
                    jwt.TokenValidationParameters.ValidAudience = options.Audience;
                }

                jwt.Events = new JwtBearerEvents
                {
                    OnMessageReceived = context =>
                    {
                        if (string.IsNullOrEmpty(context.Token) && !context.Request.Headers.ContainsKey("Authorization")
                            && context.Request.Cookies.TryGetValue(CookieName, out var token))
                        {
                            context.Token = token;
                        }

                        return Task.CompletedTask;
                    },
                    OnChallenge = context =>
                    {
                        // Browsers asking for a page go to the login page; everything else gets the plain 401.
                        if (context.Request.Method == HttpMethods.Get && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal))
                        {
                            context.HandleResponse();
                            context.Response.Redirect("/login?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
                        }

                        return Task.CompletedTask;
                    },
                };
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleRoles.ReadPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(ConsoleRoles.All))
            .AddPolicy(ConsoleRoles.Supervisor, policy => policy.RequireAuthenticatedUser().RequireRole(ConsoleRoles.Supervisor))
            .AddPolicy(ConsoleRoles.Approver, policy => policy.RequireAuthenticatedUser().RequireRole(ConsoleRoles.Approver))
            .AddPolicy(ConsoleRoles.Auditor, policy => policy.RequireAuthenticatedUser().RequireRole(ConsoleRoles.Auditor));
    }

    /// <summary>The cookie options for the token: HttpOnly, SameSite=Strict (SameSite=None and Secure when the escalation page may be framed over HTTPS).</summary>
    public static CookieOptions CookieOptions(HttpRequest request, SupervisorConsoleOptions options, TimeSpan lifetime)
    {
        var framed = !string.IsNullOrWhiteSpace(options.FrameAncestors) && request.IsHttps;
        return new CookieOptions
        {
            HttpOnly = true,
            Secure = request.IsHttps,
            SameSite = framed ? SameSiteMode.None : SameSiteMode.Strict,
            Path = "/",
            MaxAge = lifetime,
        };
    }

    public static void Use(WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
    }
}
