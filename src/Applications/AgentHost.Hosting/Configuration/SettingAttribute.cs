namespace AgentHost.Hosting.Configuration;

/// <summary>
/// What a settings property declares besides its type, default (the initializer), range (<c>[Range]</c>), allowed values
/// (<c>[AllowedValues]</c>, compared case-insensitively), required text (<c>[Required]</c>) and documentation (its summary):
/// the environment-variable aliases, whether it is a secret, its unit and how the README names an unset default. Read at
/// build time by the settings catalog generator (no reflection at run time); see <see cref="AgentHostSettingsCatalog"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class SettingAttribute : Attribute
{
    /// <summary>
    /// Short environment variable names accepted besides the generic <c>AGENTHOST_SECTION__KEY</c> form, most preferred
    /// first: when several are set, the first one wins (and the generic form wins over all of them). Default: none.
    /// </summary>
    public string[] Aliases { get; set; } = [];

    /// <summary>The value is a secret: redacted by <c>config show</c>, never logged. Default: false.</summary>
    public bool Secret { get; set; }

    /// <summary>The unit of a number, appended to range messages (e.g. <c>seconds</c>). Default: none.</summary>
    public string? Unit { get; set; }

    /// <summary>How the documentation names the default when the property's initial value is empty, e.g. <c>the model's</c>. Default: <c>none</c>.</summary>
    public string? Unset { get; set; }
}
