using System.Collections;
using System.Globalization;

namespace AgentHost.Gateway.Configuration;

/// <summary>
/// Reads gateways and settings from environment variables: <c>AGENTCORE_GATEWAY_&lt;NAME&gt;_URL</c> and
/// <c>AGENTCORE_GATEWAY_&lt;NAME&gt;_AUTH_TYPE</c> (what <c>agentcore deploy</c> injects) plus the optional
/// <c>_TOKEN_ENDPOINT</c>, <c>_CLIENT_ID</c>, <c>_CLIENT_SECRET</c> (the secret itself, read at token time),
/// <c>_CLIENT_SECRET_FILE</c>, <c>_SCOPES</c>, <c>_PASS_THROUGH_AUTH</c>, <c>_CREDENTIAL_PROVIDER</c> and <c>_REGION</c>; and the
/// global <c>AGENTCORE_GATEWAY_REFRESH_SECONDS</c>, <c>AGENTCORE_GATEWAY_TOOL_THRESHOLD</c>, <c>AGENTCORE_GATEWAY_SELECTION_SIZE</c>,
/// <c>AGENTCORE_GATEWAY_ALWAYS_OFFER</c>, <c>AGENTCORE_GATEWAY_PROTOCOL_VERSION</c>, <c>AGENTCORE_GATEWAY_IDENTITY_ENDPOINT</c>.
/// </summary>
public static class GatewayEnvironment
{
    /// <summary>The prefix of every variable.</summary>
    public const string Prefix = "AGENTCORE_GATEWAY_";

    /// <summary>Adds the gateways and settings found in <paramref name="environment"/> to <paramref name="options"/>.
    /// Gateways already configured under the same name (case-insensitive) are left as configured.</summary>
    /// <param name="options">The options to complete.</param>
    /// <param name="environment">The variables, e.g. <see cref="Environment.GetEnvironmentVariables()"/>.</param>
    /// <returns>Problems found (e.g. an invalid URL), as messages without secret values.</returns>
    public static IReadOnlyList<string> Apply(GatewayToolOptions options, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string key && entry.Value is string value && key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                env[key] = value;
            }
        }

        var problems = new List<string>();
        ApplyGlobals(options, env, problems);
        foreach (var key in env.Keys.Where(k => k.EndsWith("_URL", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = key[Prefix.Length..^"_URL".Length];
            if (name.Length == 0 || name.EndsWith("_TOKEN_ENDPOINT", StringComparison.Ordinal))
            {
                continue;
            }

            if (options.Gateways.Any(g => string.Equals(g.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (!Uri.TryCreate(env[key].Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"{key} is not an absolute http(s) URL; gateway '{name}' ignored.");
                continue;
            }

            var gateway = new GatewayOptions { Name = name, Url = url };
            string Get(string suffix) => env.TryGetValue(Prefix + name + "_" + suffix, out var v) ? v.Trim() : string.Empty;
            var authType = Get("AUTH_TYPE");
            if (!TryParseAuthType(authType, out var parsed))
            {
                problems.Add($"{Prefix}{name}_AUTH_TYPE '{authType}' is not NONE, CUSTOM_JWT or AWS_IAM; gateway '{name}' ignored.");
                continue;
            }

            gateway.AuthType = parsed;
            if (Get("TOKEN_ENDPOINT") is { Length: > 0 } tokenEndpoint && Uri.TryCreate(tokenEndpoint, UriKind.Absolute, out var tokenUri))
            {
                gateway.TokenEndpoint = tokenUri;
            }

            gateway.ClientId = NullIfEmpty(Get("CLIENT_ID"));
            gateway.ClientSecretVariable = Prefix + name + "_CLIENT_SECRET";
            gateway.ClientSecretFile = NullIfEmpty(Get("CLIENT_SECRET_FILE"));
            foreach (var scope in Get("SCOPES").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                gateway.Scopes.Add(scope);
            }

            gateway.PassThroughAuthorization = IsTrue(Get("PASS_THROUGH_AUTH"));
            gateway.CredentialProviderName = NullIfEmpty(Get("CREDENTIAL_PROVIDER"));
            gateway.Region = NullIfEmpty(Get("REGION"));
            options.Gateways.Add(gateway);
        }

        return problems;
    }

    /// <summary>Parses <c>NONE</c>, <c>CUSTOM_JWT</c> or <c>AWS_IAM</c> (case-insensitive; empty means NONE).</summary>
    /// <param name="value">The text.</param>
    /// <param name="authType">The parsed value.</param>
    /// <returns>Whether the text was recognised.</returns>
    public static bool TryParseAuthType(string? value, out GatewayAuthType authType)
    {
        switch ((value ?? string.Empty).Trim().ToUpperInvariant())
        {
            case "" or "NONE":
                authType = GatewayAuthType.None;
                return true;
            case "CUSTOM_JWT" or "JWT" or "OAUTH":
                authType = GatewayAuthType.CustomJwt;
                return true;
            case "AWS_IAM" or "IAM" or "SIGV4":
                authType = GatewayAuthType.AwsIam;
                return true;
            default:
                authType = GatewayAuthType.None;
                return false;
        }
    }

    private static void ApplyGlobals(GatewayToolOptions options, Dictionary<string, string> env, List<string> problems)
    {
        if (TryInt(env, "REFRESH_SECONDS", problems, out var refresh) && refresh > 0)
        {
            options.RefreshInterval = TimeSpan.FromSeconds(refresh);
        }

        if (TryInt(env, "TOOL_THRESHOLD", problems, out var threshold) && threshold >= 0)
        {
            options.SelectionThreshold = threshold;
        }

        if (TryInt(env, "SELECTION_SIZE", problems, out var size) && size > 0)
        {
            options.SelectionSize = size;
        }

        if (env.TryGetValue(Prefix + "PROTOCOL_VERSION", out var version) && version.Trim().Length > 0)
        {
            // "latest" (or "auto") negotiates; anything else is requested as is.
            var trimmed = version.Trim();
            options.ProtocolVersion = trimmed.Equals("latest", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : trimmed;
        }

        if (env.TryGetValue(Prefix + "IDENTITY_ENDPOINT", out var identity) && identity.Trim().Length > 0)
        {
            if (Uri.TryCreate(identity.Trim(), UriKind.Absolute, out var identityUri) && (identityUri.Scheme == Uri.UriSchemeHttps || identityUri.Scheme == Uri.UriSchemeHttp))
            {
                options.IdentityEndpoint = identityUri;
            }
            else
            {
                problems.Add($"{Prefix}IDENTITY_ENDPOINT is not an absolute http(s) URL; ignored.");
            }
        }

        if (env.TryGetValue(Prefix + "ALWAYS_OFFER", out var always))
        {
            foreach (var name in always.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!options.AlwaysOfferedTools.Contains(name))
                {
                    options.AlwaysOfferedTools.Add(name);
                }
            }
        }
    }

    private static bool TryInt(Dictionary<string, string> env, string suffix, List<string> problems, out int value)
    {
        value = 0;
        if (!env.TryGetValue(Prefix + suffix, out var text))
        {
            return false;
        }

        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        problems.Add($"{Prefix}{suffix} '{text}' is not an integer; ignored.");
        return false;
    }

    private static bool IsTrue(string value) =>
        value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1" || value.Equals("yes", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
