using AgentHost.Testing;
using System.Globalization;
using System.Text.Json;
using AgentHost.Aws.Credentials;
using AgentHost.Aws.Tests.Support;

namespace AgentHost.Aws.Tests.Signing;

/// <summary>One entry of sigv4-generated-vectors.json.</summary>
internal sealed record GeneratedVector(
    string Name,
    string Service,
    string Region,
    AwsCredentials Credentials,
    DateTimeOffset SigningDate,
    string Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string Body,
    string CanonicalRequest,
    string StringToSign,
    string Authorization)
{
    public static IReadOnlyList<GeneratedVector> LoadAll()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Fixture("sigv4-generated-vectors.json")));
        return doc.RootElement.EnumerateArray().Select(Parse).ToList();
    }

    public static GeneratedVector Load(string name) => LoadAll().Single(v => v.Name == name);

    private static GeneratedVector Parse(JsonElement e)
    {
        var c = e.GetProperty("credentials");
        var r = e.GetProperty("request");
        return new GeneratedVector(
            e.GetProperty("name").GetString()!,
            e.GetProperty("service").GetString()!,
            e.GetProperty("region").GetString()!,
            new AwsCredentials(c.GetProperty("accessKeyId").GetString()!, c.GetProperty("secretAccessKey").GetString()!, c.TryGetProperty("sessionToken", out var t) ? t.GetString() : null),
            DateTimeOffset.Parse(e.GetProperty("signingDate").GetString()!, CultureInfo.InvariantCulture),
            r.GetProperty("method").GetString()!,
            new Uri(r.GetProperty("url").GetString()!),
            r.GetProperty("headers").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList(),
            r.GetProperty("body").GetString()!,
            e.GetProperty("canonicalRequest").GetString()!,
            e.GetProperty("stringToSign").GetString()!,
            e.GetProperty("signedHeaders").GetProperty("authorization").GetString()!);
    }
}
