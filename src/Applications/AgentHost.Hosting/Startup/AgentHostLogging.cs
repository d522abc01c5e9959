using AgentHost.Hosting.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AgentHost.Hosting.Startup;

/// <summary>The logging of every AgentHost application, configured in one place.</summary>
public static class AgentHostLogging
{
    /// <summary>
    /// Configures logging: the <c>Logging</c> section of the configuration for per-category rules; for the server the level and
    /// format of <c>Runtime:LogLevel</c> / <c>Runtime:LogFormat</c> (text or JSON for CloudWatch); for the CLI quiet single lines
    /// (warnings and errors, or information with <paramref name="verbose"/>) that do not drown the conversation.
    /// </summary>
    public static void Configure(ILoggingBuilder logging, IConfiguration configuration, RuntimeSettings runtime, AgentHostKind kind, bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(runtime);
        logging.ClearProviders();
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        if (kind == AgentHostKind.Cli)
        {
            logging.SetMinimumLevel(verbose ? LogLevel.Information : LogLevel.Warning);
            logging.AddFilter("AgentHost.Gateway", verbose ? LogLevel.Information : LogLevel.Error);
            logging.AddFilter("ModelContextProtocol", verbose ? LogLevel.Warning : LogLevel.Error);
            logging.AddSimpleConsole(o => o.SingleLine = true);
            return;
        }

        logging.SetMinimumLevel(Enum.Parse<LogLevel>(runtime.LogLevel, ignoreCase: true));
        if (string.Equals(runtime.LogFormat, "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole();
        }
        else
        {
            logging.AddSimpleConsole(o => o.SingleLine = true);
        }
    }
}
