using System.Collections;
using System.Globalization;
using AgentHost.Gateway.Configuration;
using Microsoft.Extensions.Configuration;

namespace AgentHost.Hosting.Composition;

/// <summary>Gateways from configuration (section <c>Gateways</c>) and the environment (<c>AGENTCORE_GATEWAY_&lt;NAME&gt;_*</c>).</summary>
public static class GatewayComposition
{
    private static readonly HashSet<string> Keys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Name", "Url", "AuthType", "TokenEndpoint", "ClientId", "ClientSecretVariable", "ClientSecretFile", "Scopes", "PassThroughAuthorization", "Region",
    };

    /// <summary>The keys of one gateway in the <c>Gateways</c> section (<c>Gateways:&lt;n&gt;:&lt;key&gt;</c>); others are errors.</summary>
    public static IReadOnlyCollection<string> KnownKeys => Keys;

    /// <summary>Counts the gateways configured in the environment (what <c>agentcore deploy</c> injects) and in configuration.</summary>
    public static int CountConfigured(IConfiguration configuration, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var probe = new GatewayToolOptions();
        GatewayEnvironment.Apply(probe, environment);
        return probe.Gateways.Count + configuration.GetSection("Gateways").GetChildren().Count();
    }

    /// <summary>Adds the gateways of the <c>Gateways</c> configuration section to the options (validated at start-up by <see cref="Read"/>).</summary>
    public static void ApplyConfiguration(GatewayToolOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var gateway in Read(configuration, []))
        {
            options.Gateways.Add(gateway);
        }
    }

    /// <summary>
    /// Reads the <c>Gateways</c> section: a list (<c>Gateways:0:Name</c>...) or a map keyed by name (<c>Gateways:crm:Url</c>).
    /// Problems (unknown keys, a missing or relative URL, an unknown auth type) are added to <paramref name="errors"/> and the gateway is skipped.
    /// </summary>
    public static IReadOnlyList<GatewayOptions> Read(IConfiguration configuration, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(errors);
        var gateways = new List<GatewayOptions>();
        foreach (var section in configuration.GetSection("Gateways").GetChildren())
        {
            var where = $"Gateways:{section.Key}";
            var before = errors.Count;
            foreach (var child in section.GetChildren().Where(c => !Keys.Contains(c.Key)))
            {
                errors.Add($"Unknown configuration key 'Gateways:{section.Key}:{child.Key}'. Known: {string.Join(", ", Keys.Order(StringComparer.Ordinal))}.");
            }

            var name = section["Name"] is { Length: > 0 } n ? n : (int.TryParse(section.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? string.Empty : section.Key);
            if (name.Length == 0)
            {
                errors.Add($"'{where}' needs a 'Name'.");
            }

            var url = AbsoluteUri(section["Url"], $"'{where}:Url'", errors, required: true);
            var tokenEndpoint = AbsoluteUri(section["TokenEndpoint"], $"'{where}:TokenEndpoint'", errors, required: false);
            if (!GatewayEnvironment.TryParseAuthType(section["AuthType"], out var authType))
            {
                errors.Add($"'{where}:AuthType' is '{section["AuthType"]}'; it must be NONE, CUSTOM_JWT or AWS_IAM.");
            }

            var passThrough = false;
            if (section["PassThroughAuthorization"] is { Length: > 0 } flag && !bool.TryParse(flag, out passThrough))
            {
                errors.Add($"'{where}:PassThroughAuthorization' is '{flag}'; it must be true or false.");
            }

            if (errors.Count > before)
            {
                continue;
            }

            var gateway = new GatewayOptions
            {
                Name = name,
                Url = url,
                AuthType = authType,
                TokenEndpoint = tokenEndpoint,
                ClientId = section["ClientId"],
                ClientSecretVariable = section["ClientSecretVariable"],
                ClientSecretFile = section["ClientSecretFile"],
                PassThroughAuthorization = passThrough,
                Region = section["Region"],
            };
            var scopes = section.GetSection("Scopes");
            foreach (var scope in scopes.Value is { } single
                ? single.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
                : scopes.GetChildren().Select(s => s.Value).OfType<string>())
            {
                gateway.Scopes.Add(scope);
            }

            gateways.Add(gateway);
        }

        return gateways;
    }

    private static Uri? AbsoluteUri(string? value, string key, List<string> errors, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors.Add($"{key} is required.");
            }

            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        errors.Add($"{key} is '{value}'; it must be an absolute http(s) URL.");
        return null;
    }
}
