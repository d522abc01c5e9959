using System.Collections.Generic;

namespace AgentHost.Hosting.Generators;

/// <summary>What kind of value a setting holds (mirrors <c>AgentHost.Hosting.Configuration.SettingKind</c>).</summary>
internal enum SettingValueKind
{
    Unsupported,
    Section,
    Text,
    Integer,
    Number,
    Boolean,
    List,
    Map,
}

/// <summary>One setting as declared on a settings class property.</summary>
internal sealed class SettingModel
{
    public SettingModel(string key, string access, SettingValueKind kind)
    {
        Key = key;
        Access = access;
        Kind = kind;
    }

    /// <summary>The configuration key, e.g. <c>Agent:Limits:MaxCycles</c>.</summary>
    public string Key { get; }

    /// <summary>The member access from the root, e.g. <c>.Agent.Limits.MaxCycles</c>.</summary>
    public string Access { get; }

    public SettingValueKind Kind { get; }

    public List<string> Aliases { get; } = new List<string>();

    public List<string> AllowedValues { get; } = new List<string>();

    public bool Secret { get; set; }

    public bool Required { get; set; }

    public double? Minimum { get; set; }

    public double? Maximum { get; set; }

    public bool MinimumIsExclusive { get; set; }

    public bool MaximumIsExclusive { get; set; }

    public string? Unit { get; set; }

    public string? Unset { get; set; }

    public string Description { get; set; } = string.Empty;
}
