using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace AgentHost.Hosting.Generators;

/// <summary>The plain text of a symbol's XML documentation summary.</summary>
internal static class DocumentationText
{
    private static readonly Regex Spaces = new Regex(@"\s+", RegexOptions.CultureInvariant);

    public static string Summary(ISymbol symbol, CancellationToken cancellationToken)
    {
        var xml = symbol.GetDocumentationCommentXml(cancellationToken: cancellationToken);
        if (string.IsNullOrWhiteSpace(xml))
        {
            return string.Empty;
        }

        try
        {
            var summary = XElement.Parse(xml).Descendants("summary").FirstOrDefault();
            if (summary is null)
            {
                return string.Empty;
            }

            var text = new StringBuilder();
            Append(summary, text);
            return Spaces.Replace(text.ToString(), " ").Trim();
        }
        catch (XmlException)
        {
            return string.Empty;
        }
    }

    /// <summary><c>T:A.B.Type</c> reads <c>Type</c>; <c>F:A.B.Type.Member</c> reads <c>Type.Member</c>.</summary>
    private static string CrefText(string cref)
    {
        var isMember = cref.Length > 2 && cref[1] == ':' && cref[0] != 'T';
        var parts = (cref.Length > 2 && cref[1] == ':' ? cref.Substring(2) : cref).Split('.');
        return isMember && parts.Length >= 2 ? parts[parts.Length - 2] + "." + parts[parts.Length - 1] : parts[parts.Length - 1];
    }

    private static void Append(XElement element, StringBuilder text)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText plain:
                    text.Append(plain.Value);
                    break;
                case XElement child when child.Attribute("cref") is { } cref:
                    text.Append(CrefText(cref.Value));
                    break;
                case XElement child when child.Attribute("langword") is { } langword:
                    text.Append(langword.Value);
                    break;
                case XElement child when child.Attribute("name") is { } parameter && child.Name.LocalName is "paramref" or "typeparamref":
                    text.Append(parameter.Value);
                    break;
                case XElement child:
                    Append(child, text);
                    break;
            }
        }
    }
}
