using AgentHost.Hosting.Configuration;
using AgentHost.Sanitization;

namespace AgentHost.Hosting.Composition;

/// <summary>Turns the <c>Sanitization</c> settings (and the file they name) into <see cref="SanitizationOptions"/>.</summary>
internal static class SanitizationFactory
{
    /// <summary>The options: the file's, if any, with every setting that is turned off here turned off there too.</summary>
    /// <exception cref="InvalidDataException">The file is invalid.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SanitizationOptions Create(SanitizationSettings settings)
    {
        var options = string.IsNullOrWhiteSpace(settings.File) ? new SanitizationOptions() : SanitizationOptionsFile.Load(Path.GetFullPath(settings.File));
        options.Enabled &= settings.Enabled;
        options.Injection.Enabled &= settings.Injection;
        options.Pii.Enabled &= settings.Pii;
        options.Envelope &= settings.Envelope;
        options.ToolDataNotice &= settings.Envelope;
        options.Replies.Enabled &= settings.Replies;
        options.Pii.KeepLastDigits = Math.Min(options.Pii.KeepLastDigits, settings.KeepLastDigits);
        if (!string.IsNullOrEmpty(settings.HashKey))
        {
            options.HashKey = settings.HashKey;
        }

        return options;
    }

    /// <summary>What is on, for the start-up line.</summary>
    public static string Describe(SanitizationOptions options)
    {
        if (!options.Enabled)
        {
            return "off (tool results and replies pass unchanged)";
        }

        var parts = new List<string>();
        if (options.Injection.Enabled)
        {
            parts.Add("injections");
        }

        if (options.Pii.Enabled)
        {
            parts.Add("PII");
        }

        if (options.Replies.Enabled)
        {
            parts.Add("replies");
        }

        return parts.Count == 0 ? "off" : string.Join(" + ", parts) + (options.Tools.Count > 0 ? $" ({options.Tools.Count} tool setting(s))" : string.Empty);
    }
}
