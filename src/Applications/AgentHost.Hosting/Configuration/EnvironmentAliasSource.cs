using Microsoft.Extensions.Configuration;

namespace AgentHost.Hosting.Configuration;

/// <summary>The environment aliases (<see cref="EnvironmentAliases"/>) as a configuration source that remembers which variable set each key.</summary>
internal sealed class EnvironmentAliasSource(IReadOnlyDictionary<string, string> environment) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(environment);

    internal sealed class Provider(IReadOnlyDictionary<string, string> environment) : ConfigurationProvider
    {
        private Dictionary<string, (string Variable, string Value)> _entries = new(StringComparer.OrdinalIgnoreCase);

        public override void Load()
        {
            _entries = EnvironmentAliases.ReadWithVariables(name => environment.TryGetValue(name, out var value) ? value : null);
            Data = _entries.ToDictionary(e => e.Key, e => (string?)e.Value.Value, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The alias that set a key, for messages.</summary>
        public string VariableFor(string key) => _entries.TryGetValue(key, out var entry) ? entry.Variable : key;
    }
}
