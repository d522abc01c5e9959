namespace AgentHost.Hosting.Configuration;

/// <summary>
/// Marks a <c>static partial</c> class whose <c>CreateDescriptors()</c> the settings catalog generator writes from the
/// bindable properties of <paramref name="root"/> and its sections.
/// </summary>
/// <param name="root">The root settings class.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
internal sealed class SettingsCatalogAttribute(Type root) : Attribute
{
    /// <summary>The root settings class.</summary>
    public Type Root { get; } = root;
}
