using AgentHost.Testing;
using System.Text;
using System.Text.Json;
using AgentHost.Aws.Credentials;
using AgentHost.Aws.Signing;
using AgentHost.Aws.Tests.Support;

namespace AgentHost.Aws.Tests.Signing;

/// <summary>One case of the official aws-c-auth SigV4 suite, parsed from its files.</summary>
internal sealed class SuiteCase
{
    private SuiteCase(string name, SigV4Request request, AwsCredentials credentials, SigV4SigningOptions options)
    {
        Name = name;
        Request = request;
        Credentials = credentials;
        Options = options;
    }

    public string Name { get; }

    public SigV4Request Request { get; }

    public AwsCredentials Credentials { get; }

    public SigV4SigningOptions Options { get; }

    public static string Directory_(string name) => RepositoryPaths.Fixture("sigv4-test-suite", "v4", name);

    public static IEnumerable<string> Names()
        => Directory.GetDirectories(RepositoryPaths.Fixture("sigv4-test-suite", "v4"))
            .Where(d => File.Exists(Path.Combine(d, "header-signature.txt")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    public string Expected(string file) => File.ReadAllText(Path.Combine(Directory_(Name), file)).Replace("\r\n", "\n", StringComparison.Ordinal);

    public static SuiteCase Load(string name)
    {
        var dir = Directory_(name);
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "context.json")));
        var root = context.RootElement;
        var creds = root.GetProperty("credentials");
        var credentials = new AwsCredentials(
            creds.GetProperty("access_key_id").GetString()!,
            creds.GetProperty("secret_access_key").GetString()!,
            creds.TryGetProperty("token", out var token) ? token.GetString() : null);
        var options = new SigV4SigningOptions(
            root.GetProperty("service").GetString()!,
            root.GetProperty("region").GetString()!,
            DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture))
        {
            NormalizePath = root.GetProperty("normalize").GetBoolean(),
            OmitSessionTokenFromSignature = root.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean(),
            AddContentSha256Header = root.GetProperty("sign_body").GetBoolean(),
        };

        var text = File.ReadAllText(Path.Combine(dir, "request.txt")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n');
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal)];
        var q = target.IndexOf('?', StringComparison.Ordinal);
        var path = q < 0 ? target : target[..q];
        var query = q < 0 ? string.Empty : target[(q + 1)..];

        var headers = new List<KeyValuePair<string, string>>();
        var i = 1;
        for (; i < lines.Length && lines[i].Length > 0; i++)
        {
            var line = lines[i];
            if (char.IsWhiteSpace(line[0]) && headers.Count > 0)
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + "\n" + line);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        var body = i + 1 < lines.Length ? string.Join('\n', lines[(i + 1)..]) : string.Empty;
        var hash = SigV4Signer.HashPayload(Encoding.UTF8.GetBytes(body));
        return new SuiteCase(name, new SigV4Request(method, path, query, headers, hash), credentials, options);
    }
}
