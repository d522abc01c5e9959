using System.Globalization;
using System.Text.Encodings.Web;

namespace AgentHost.Supervisor.Pages;

/// <summary>HTML encoding for the server-rendered pages: every value that comes from data passes through <see cref="E"/>.</summary>
internal static class Html
{
    /// <summary>Encodes text for an element or a quoted attribute.</summary>
    public static string E(string? text) => string.IsNullOrEmpty(text) ? string.Empty : HtmlEncoder.Default.Encode(text);

    /// <summary>Encodes a URL path segment.</summary>
    public static string U(string text) => Uri.EscapeDataString(text);

    /// <summary>A time as <c>HH:mm:ss</c> UTC.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>How long ago, e.g. <c>12 s ago</c>.</summary>
    public static string Ago(DateTimeOffset at, DateTimeOffset now)
    {
        var span = now - at;
        return span.TotalSeconds < 60 ? $"{Math.Max(0, (int)span.TotalSeconds)} s ago"
            : span.TotalMinutes < 60 ? $"{(int)span.TotalMinutes} min ago"
            : span.TotalHours < 48 ? $"{(int)span.TotalHours} h ago"
            : at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }
}
