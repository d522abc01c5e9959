using System.Net;

namespace AgentHost.Supervisor.Security;

/// <summary>Refuses to start a console that would listen beyond loopback without authentication configured.</summary>
public static class ListenAddressGuard
{
    /// <summary>True when <paramref name="url"/> binds only a loopback address (<c>127.0.0.1</c>, <c>[::1]</c>, <c>localhost</c>).</summary>
    public static bool IsLoopback(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!Uri.TryCreate(url.Replace("://*", "://wildcard", StringComparison.Ordinal).Replace("://+", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    /// <summary>Throws when the options would expose the console without authentication.</summary>
    /// <exception cref="InvalidOperationException">A non-loopback address in development mode, or an authority without an audience.</exception>
    public static void Check(SupervisorConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DevelopmentMode && !IsLoopback(options.Url))
        {
            throw new InvalidOperationException(
                $"The supervisor console would listen on {options.Url} without authentication. Development mode binds loopback only " +
                "(http://127.0.0.1:PORT); to listen beyond it, configure OIDC: AGENTHOST_SUPERVISOR__AUTHORITY and AGENTHOST_SUPERVISOR__AUDIENCE.");
        }

        if (!options.DevelopmentMode && string.IsNullOrWhiteSpace(options.Audience))
        {
            throw new InvalidOperationException("Supervisor:Authority is set but Supervisor:Audience is empty: the console must check the audience of every token (AGENTHOST_SUPERVISOR__AUDIENCE).");
        }
    }
}
