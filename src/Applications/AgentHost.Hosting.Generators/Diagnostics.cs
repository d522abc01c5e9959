using Microsoft.CodeAnalysis;

namespace AgentHost.Hosting.Generators;

/// <summary>Build errors for settings the catalog cannot describe.</summary>
internal static class Diagnostics
{
    public static readonly DiagnosticDescriptor UnsupportedType = new(
        "AHSG001",
        "Unsupported setting type",
        "Setting '{0}' has the type '{1}', which the settings catalog does not support (text, numbers, booleans, List<string>, Dictionary<string, scalar> or a section class)",
        "AgentHost.Settings",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedRange = new(
        "AHSG002",
        "Unsupported range",
        "Setting '{0}' has a [Range] the settings catalog does not support: give the minimum and maximum as two numbers",
        "AgentHost.Settings",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
