using System.Collections;
using System.Globalization;

namespace AgentHost.Hosting.Configuration;

/// <summary>
/// One setting of <see cref="AgentHostSettings"/> as declared on its property: key, kind, aliases, range or allowed values,
/// secrecy, unit and documentation; the default is the property's initial value. Created by the generated
/// <see cref="AgentHostSettingsCatalog"/>; the known-key check, validation, <c>config show</c> and the aliases derive from it.
/// </summary>
public sealed class SettingDescriptor
{
    private readonly Func<AgentHostSettings, object?> _read;
    private readonly Lazy<string> _default;

    /// <summary>Creates a descriptor.</summary>
    /// <param name="key">The configuration key, e.g. <c>Agent:Limits:MaxCycles</c>.</param>
    /// <param name="kind">The kind of value.</param>
    /// <param name="read">Reads the value from bound settings.</param>
    public SettingDescriptor(string key, SettingKind kind, Func<AgentHostSettings, object?> read)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(read);
        Key = key;
        Kind = kind;
        _read = read;
        _default = new Lazy<string>(() => Format(read(new AgentHostSettings())));
    }

    /// <summary>The configuration key, e.g. <c>Agent:Limits:MaxCycles</c>.</summary>
    public string Key { get; }

    /// <summary>The kind of value.</summary>
    public SettingKind Kind { get; }

    /// <summary>Short environment variable names, most preferred first. Default: none.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The allowed values (compared case-insensitively); empty when any value is allowed.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>The smallest allowed number, if any.</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest allowed number, if any.</summary>
    public double? Maximum { get; init; }

    /// <summary>The minimum itself is not allowed.</summary>
    public bool MinimumIsExclusive { get; init; }

    /// <summary>The maximum itself is not allowed.</summary>
    public bool MaximumIsExclusive { get; init; }

    /// <summary>Text that must not be empty.</summary>
    public bool Required { get; init; }

    /// <summary>A secret: redacted when printed, never logged.</summary>
    public bool Secret { get; init; }

    /// <summary>The unit of a number (e.g. <c>seconds</c>), if any.</summary>
    public string? Unit { get; init; }

    /// <summary>How the documentation names an empty default. Default: <c>none</c>.</summary>
    public string Unset { get; init; } = "none";

    /// <summary>The documentation summary of the property.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The generic environment variable, e.g. <c>AGENTHOST_AGENT__LIMITS__MAXCYCLES</c> (for a map, the prefix of its entries' variables).</summary>
    public string EnvironmentVariable =>
        AgentHostConfiguration.EnvironmentPrefix + Key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant() + (Kind == SettingKind.Map ? "__" : string.Empty);

    /// <summary>The default as text (<see cref="Format"/> of the property's initial value); empty when there is none.</summary>
    public string Default => _default.Value;

    /// <summary>Reads the value from bound settings: a scalar (boxed, possibly null), a list or a dictionary.</summary>
    public object? Read(AgentHostSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return _read(settings);
    }

    /// <summary>The effective values as configuration entries: one for a scalar or list, one per entry of a map (<c>KEY:NAME</c>; the key itself when empty).</summary>
    public IEnumerable<KeyValuePair<string, string>> Entries(AgentHostSettings settings)
    {
        var value = Read(settings);
        if (Kind == SettingKind.Map && value is IDictionary { Count: > 0 } map)
        {
            foreach (DictionaryEntry entry in map)
            {
                yield return new($"{Key}:{entry.Key}", Format(entry.Value));
            }

            yield break;
        }

        yield return new(Key, Format(value));
    }

    /// <summary>Formats a value as configuration text: invariant numbers, <c>true</c>/<c>false</c>, lists comma-separated, null as empty.</summary>
    public static string Format(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IDictionary map => string.Join(",", map.Cast<DictionaryEntry>().Select(e => $"{e.Key}={Format(e.Value)}")),
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Format)),
        _ => value.ToString() ?? string.Empty,
    };
}
