using System.Net;
using AgentHost.DevGateway.Data;
using AgentHost.DevGateway.Http;
using AgentHost.DevGateway.Logging;
using AgentHost.DevGateway.Tools;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.AspNetCore;

namespace AgentHost.DevGateway;

/// <summary>
/// Starts the local development gateway: an MCP Streamable HTTP server on a loopback address that behaves like
/// an AgentCore Gateway (tool names <c>target___tool</c>, the <c>x_amz_bedrock_agentcore_search</c> tool, an
/// optional bearer-token check) over deterministic sample data for a financial-services contact centre.
/// </summary>
public static class DevGatewayServer
{
    /// <summary>Starts a gateway with its own fresh copy of the sample data.</summary>
    /// <param name="options">The options; <see langword="null"/> for the defaults (ephemeral port on 127.0.0.1, no token).</param>
    /// <param name="cancellationToken">Cancels the start-up.</param>
    /// <returns>A handle with the endpoint <see cref="Uri"/>; dispose it to stop the gateway.</returns>
    /// <exception cref="ArgumentException">The host is not a loopback address or the port is out of range.</exception>
    /// <exception cref="IOException">The port is already in use.</exception>
    public static async Task<DevGatewayHandle> StartAsync(DevGatewayOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DevGatewayOptions();
        IPAddress address = ResolveLoopback(options.Host);
        if (options.Port is < 0 or > 65535)
        {
            throw new ArgumentException($"The port {options.Port} is out of range (0-65535).", nameof(options));
        }

        string path = options.Path.StartsWith('/') ? options.Path : "/" + options.Path;
        ILoggerFactory loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        ToolService tools = new(ContactCentreStore.LoadDefault(options.TimeProvider), Math.Max(1, options.SearchResultLimit), loggerFactory.CreateLogger<ToolService>());

        // The empty builder: no configuration sources (no appsettings.json, no ASPNETCORE_* variables, so nothing may add
        // endpoints beyond the loopback one below), no logging providers, no file watcher; Kestrel without its configuration
        // loader. The MCP endpoint is the SDK's (ModelContextProtocol.AspNetCore's MapMcp), stateless: every POST is answered
        // on its own response, GET and DELETE have nothing to serve.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddMcpServer(o => McpServerOptionsFactory.Configure(o, tools, options)).WithHttpTransport(o => o.Stateless = true);
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, options.Port));
        WebApplication app = builder.Build();
        if (options.BearerToken is { } token)
        {
            BearerTokenCheck check = new(path, token, loggerFactory.CreateLogger<BearerTokenCheck>());
            app.Use(next => context => check.InvokeAsync(context, next));
        }

        app.MapMcp(path);

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        string bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Uri uri = new(new Uri(bound.Replace("[::]", address.ToString(), StringComparison.Ordinal)), path);
        ILogger logger = loggerFactory.CreateLogger(typeof(DevGatewayServer));
        DevGatewayLog.Started(logger, uri, tools.Tools.Count, options.BearerToken is not null);
        return new DevGatewayHandle(app, uri, tools.Tools.Count, logger);
    }

    private static IPAddress ResolveLoopback(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        if (!IPAddress.TryParse(host, out IPAddress? address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The development gateway binds loopback addresses only (127.0.0.1 or ::1), not '{host}'.", nameof(host));
        }

        return address;
    }
}
