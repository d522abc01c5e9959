using AgentHost.Supervisor.Assets;
using AgentHost.Supervisor.Endpoints;
using AgentHost.Supervisor.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AgentHost.Supervisor;

/// <summary>
/// The supervisor console: a small ASP.NET Core application over the shared stores (it never shares memory with the
/// runtime). Server-rendered pages, live updates over Server-Sent Events, actions as forms protected by antiforgery
/// tokens, JWT bearer authentication with the roles of <see cref="ConsoleRoles"/>. In development mode (no authority) it
/// binds loopback only and issues a token signed with a key generated at start-up; it refuses to start on a non-loopback
/// address without authentication.
/// </summary>
public sealed class SupervisorConsole : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SupervisorConsole(WebApplication app, SupervisorConsoleOptions options, DevelopmentToken? development, string? token)
    {
        _app = app;
        Options = options;
        Development = development;
        DevelopmentTokenValue = token;
    }

    /// <summary>The options.</summary>
    public SupervisorConsoleOptions Options { get; }

    /// <summary>Development mode's key (issue more tokens with it, e.g. for a single role), or null.</summary>
    public DevelopmentToken? Development { get; }

    /// <summary>Development mode's token for the user <c>developer</c> with every role, or null. Secret: print it only to the terminal that started the console.</summary>
    public string? DevelopmentTokenValue { get; }

    /// <summary>The address it listens on, once started.</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Composes the console.</summary>
    /// <exception cref="InvalidOperationException">The options would expose it without authentication (see <see cref="ListenAddressGuard"/>).</exception>
    public static SupervisorConsole Create(SupervisorConsoleServices services, SupervisorConsoleOptions options, Action<ILoggingBuilder>? logging = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ListenAddressGuard.Check(options);
        var development = options.DevelopmentMode ? new DevelopmentToken(services.Time) : null;
        var token = development?.Issue("developer", ConsoleRoles.All, options.DevelopmentTokenLifetime, options.RoleClaim);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "AgentHost.Supervisor" });
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(services);
        builder.Services.AddSingleton(options);
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "agenthost_console_af";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.HttpOnly = true;
            antiforgery.FormFieldName = "__af";
            antiforgery.HeaderName = null;
        });
        ConsoleAuthentication.Add(builder.Services, options, development);

        var app = builder.Build();
        app.Use((context, next) => FrameHeaders.ApplyAsync(context, options, () => next(context)));
        ConsoleAuthentication.Use(app);
        app.MapGet("/healthz", PageResults.Handler(_ => Results.Text("ok"))).AllowAnonymous();
        app.MapGet("/static/console.css", PageResults.Handler(_ => Results.Text(ConsoleAssets.Css, "text/css; charset=utf-8"))).AllowAnonymous();
        app.MapGet("/static/console.js", PageResults.Handler(_ => Results.Text(ConsoleAssets.Js, "text/javascript; charset=utf-8"))).AllowAnonymous();
        LoginEndpoints.Map(app, options);
        PageEndpoints.Map(app);
        StreamEndpoints.Map(app);
        ActionEndpoints.Map(app);
        return new SupervisorConsole(app, options, development, token);
    }

    /// <summary>Starts listening.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => _app.StartAsync(cancellationToken);

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await _app.StartAsync(cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.StopAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
