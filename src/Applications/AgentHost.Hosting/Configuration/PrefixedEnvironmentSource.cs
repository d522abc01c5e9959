using Microsoft.Extensions.Configuration;

namespace AgentHost.Hosting.Configuration;

/// <summary>
/// Environment variables with a prefix, as configuration: <c>AGENTHOST_AGENT__LIMITS__MAXCYCLES</c> becomes
/// <c>AGENT:LIMITS:MAXCYCLES</c> (keys are case-insensitive). Aliases are left out. Reads a snapshot so tests can supply
/// an environment.
/// </summary>
internal sealed class PrefixedEnvironmentSource(string prefix, IReadOnlyDictionary<string, string> environment) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(prefix, environment);

    internal sealed class Provider(string prefix, IReadOnlyDictionary<string, string> environment) : ConfigurationProvider
    {
        private readonly Dictionary<string, string> _variables = new(StringComparer.OrdinalIgnoreCase);

        public string Prefix => prefix;

        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            _variables.Clear();
            foreach (var (name, value) in environment)
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !EnvironmentAliases.Map.ContainsKey(name))
                {
                    var key = name[prefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                    data[key] = value;
                    _variables[key] = name;
                }
            }

            Data = data;
        }

        /// <summary>The environment variable that set a key, for messages.</summary>
        public string VariableFor(string key) =>
            _variables.TryGetValue(key, out var name) ? name : prefix + key.Replace(ConfigurationPath.KeyDelimiter, "__", StringComparison.Ordinal).ToUpperInvariant();
    }
}
