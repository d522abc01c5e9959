using Microsoft.Extensions.Logging;

namespace AgentHost.DevGateway;

/// <summary>Options of the local development gateway.</summary>
public sealed class DevGatewayOptions
{
    /// <summary>The environment variable read by callers for <see cref="Port"/>: <c>AGENTHOST_DEVGATEWAY_PORT</c>.</summary>
    public const string PortEnvironmentVariable = "AGENTHOST_DEVGATEWAY_PORT";

    /// <summary>The environment variable read by callers for <see cref="BearerToken"/>: <c>AGENTHOST_DEVGATEWAY_TOKEN</c>.</summary>
    public const string BearerTokenEnvironmentVariable = "AGENTHOST_DEVGATEWAY_TOKEN";

    /// <summary>
    /// Creates options from the environment: <c>AGENTHOST_DEVGATEWAY_PORT</c> (default 0, ephemeral) and
    /// <c>AGENTHOST_DEVGATEWAY_TOKEN</c> (default none). Other settings keep their defaults.
    /// </summary>
    /// <returns>The options.</returns>
    /// <exception cref="FormatException">The port variable is not a number.</exception>
    public static DevGatewayOptions FromEnvironment()
    {
        string? port = Environment.GetEnvironmentVariable(PortEnvironmentVariable);
        string? token = Environment.GetEnvironmentVariable(BearerTokenEnvironmentVariable);
        return new DevGatewayOptions
        {
            Port = string.IsNullOrWhiteSpace(port) ? 0 : int.Parse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture),
            BearerToken = string.IsNullOrEmpty(token) ? null : token,
        };
    }

    /// <summary>Gets or sets the TCP port. Default 0: an ephemeral port chosen by the operating system.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets the address to bind. Default <c>127.0.0.1</c>. Only loopback addresses are accepted:
    /// the gateway is a development tool and never listens on other interfaces.
    /// </summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the endpoint path. Default <c>/mcp</c>, as on AgentCore Gateway.</summary>
    public string Path { get; set; } = "/mcp";

    /// <summary>
    /// Gets or sets the bearer token every request must carry (<c>Authorization: Bearer ...</c>). Default
    /// <see langword="null"/>: no check. Requests without the right token get 401. The token is never logged.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>Gets or sets how many tools the search tool returns at most. Default 10.</summary>
    public int SearchResultLimit { get; set; } = 10;

    /// <summary>Gets or sets the clock used for timestamps written by tools. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Gets or sets how long every tool call waits after it ran before it answers (a slow backend, for tests of what happens
    /// when the caller dies while a side effect is in flight). Default zero.
    /// </summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>
    /// Gets or sets a file to which every tool call appends one line with the tool's name once it ran (never its arguments),
    /// so that a test outside the process can count side effects. Default <see langword="null"/>: none.
    /// </summary>
    public string? CallLogPath { get; set; }

    /// <summary>Gets or sets the logger factory. Default <see langword="null"/>: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
