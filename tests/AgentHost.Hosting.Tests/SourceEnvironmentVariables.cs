using System.Text.RegularExpressions;

namespace AgentHost.Hosting.Tests;

/// <summary>
/// The environment variables the product's code reads directly, extracted from the sources: literal names given to
/// environment lookups and <c>const string ...Variable</c> declarations, the per-gateway and global names built from a
/// <c>Prefix</c> constant (<c>AGENTCORE_GATEWAY_&lt;NAME&gt;_URL</c>), and dynamic prefixes (<c>AWS_ENDPOINT_URL_*</c>).
/// </summary>
internal static partial class SourceEnvironmentVariables
{
    public static IReadOnlyList<string> Read(string sourceRoot)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(sourceRoot, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sourceRoot, file).Replace('\\', '/');
            if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
            {
                continue;
            }

            var code = File.ReadAllText(file);
            names.UnionWith(Lookup().Matches(code).Select(m => m.Groups["name"].Value));
            names.UnionWith(VariableConstant().Matches(code).Select(m => m.Groups["name"].Value));
            names.UnionWith(DynamicPrefix().Matches(code).Select(m => m.Groups["prefix"].Value + "*"));
            if (PrefixConstant().Match(code) is { Success: true } prefix)
            {
                var p = prefix.Groups["prefix"].Value;
                names.UnionWith(PerNameSuffix().Matches(code).Select(m => p + "<NAME>_" + m.Groups["suffix"].Value));
                names.UnionWith(PerNameEnding().Matches(code).Select(m => p + "<NAME>" + m.Groups["suffix"].Value));
                names.UnionWith(GlobalSuffix().Matches(code).Select(m => p + m.Groups["suffix"].Value));
            }
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    /// <summary><c>GetEnvironmentVariable("X")</c>, <c>environment("X")</c>, <c>Read("X")</c>, <c>getVariable("X")</c>.</summary>
    [GeneratedRegex(@"\b(?:GetEnvironmentVariable|environment|getVariable|Read)\(""(?<name>[A-Z][A-Z0-9_]*)""\)")]
    private static partial Regex Lookup();

    /// <summary><c>const string ModelIdVariable = "AGENTHOST_BEDROCK_MODEL_ID"</c>.</summary>
    [GeneratedRegex(@"const string \w*Variable\w* = ""(?<name>[A-Z][A-Z0-9_]*)""")]
    private static partial Regex VariableConstant();

    /// <summary><c>"AWS_ENDPOINT_URL_" + service</c>: a name built at run time.</summary>
    [GeneratedRegex(@"""(?<prefix>[A-Z][A-Z0-9]*_[A-Z0-9_]*_)""\s*\+")]
    private static partial Regex DynamicPrefix();

    [GeneratedRegex(@"const string Prefix = ""(?<prefix>[A-Z][A-Z0-9_]*_)""")]
    private static partial Regex PrefixConstant();

    /// <summary><c>Get("AUTH_TYPE")</c>: a per-gateway suffix read through a local helper.</summary>
    [GeneratedRegex(@"\bGet\(""(?<suffix>[A-Z][A-Z0-9_]*)""\)")]
    private static partial Regex PerNameSuffix();

    /// <summary><c>Prefix + name + "_CLIENT_SECRET"</c> and <c>EndsWith("_URL"</c>.</summary>
    [GeneratedRegex(@"(?:Prefix \+ name \+ ""|EndsWith\("")(?<suffix>_[A-Z][A-Z0-9_]*)""")]
    private static partial Regex PerNameEnding();

    /// <summary><c>Prefix + "ALWAYS_OFFER"</c> and <c>TryInt(env, "REFRESH_SECONDS"</c>.</summary>
    [GeneratedRegex(@"(?:Prefix \+ ""|TryInt\(env, "")(?<suffix>[A-Z][A-Z0-9_]*)""")]
    private static partial Regex GlobalSuffix();
}
