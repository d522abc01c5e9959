using System.Text;

namespace AgentHost.Supervisor.Pages;

/// <summary>The page frame: title, navigation with the signed-in user and roles, the stylesheet and script.</summary>
internal static class Layout
{
    public static string Page(string title, string? user, IReadOnlyList<string> roles, string body, string? bodyAttributes = null)
    {
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.E(title)).Append(" · AgentHost supervisor</title>")
            .Append("<link rel=\"stylesheet\" href=\"/static/console.css\"><script src=\"/static/console.js\" defer></script></head>")
            .Append("<body ").Append(bodyAttributes).Append("><header class=\"top\"><a class=\"brand\" href=\"/\">AgentHost · supervisor</a>");
        if (user is not null)
        {
            html.Append("<span class=\"who\">").Append(Html.E(user)).Append(" <small>(").Append(Html.E(string.Join(", ", roles))).Append(")</small></span>");
        }

        html.Append("</header><main>").Append(body).Append("</main></body></html>");
        return html.ToString();
    }
}
