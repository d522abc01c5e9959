namespace AgentHost.Hosting.Configuration;

/// <summary>The kind of value a setting holds.</summary>
public enum SettingKind
{
    /// <summary>Text.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A list of text: indexed keys (<c>KEY:0</c>) or one comma-separated value.</summary>
    List,

    /// <summary>Values keyed by name (<c>KEY:NAME</c>); ranges apply to every value.</summary>
    Map,
}
