using System.Globalization;
using System.Text;
using System.Text.Json;
using AgentHost.Aws.Credentials;
using AgentHost.Testing;
using AgentHost.Testing.Time;

namespace AgentHost.AgentCore.Client.Tests.Signing;

/// <summary>
/// The client's URL and signing pipeline against the InvokeAgentRuntime vector of tests/fixtures/sigv4-generated-vectors.json
/// (signed with the AWS JS SDK signer): same URL for the ARN, same Authorization for the same request.
/// </summary>
public sealed class InvokeAgentRuntimeVectorTests
{
    [Fact]
    public void ForRuntimeArn_VectorArn_BuildsTheVectorUrl()
    {
        var vector = Vector();

        var target = AgentRuntimeTarget.ForRuntimeArn(vector.Arn, environment: _ => null);

        Assert.Equal(vector.Url, target.InvocationsUri.AbsoluteUri);
        Assert.Equal(vector.Region, target.Region);
    }

    [Fact]
    public async Task CreatePipeline_VectorRequest_SignsWithTheVectorAuthorizationAsync()
    {
        var vector = Vector();
        var target = AgentRuntimeTarget.ForRuntimeArn(vector.Arn, environment: _ => null);
        var capture = new CapturingHandler();
        using var http = new HttpClient(AgentRuntimeClient.CreatePipeline(target, new StaticAwsCredentialsProvider(vector.Credentials), capture, new ManualTimeProvider(vector.SigningDate)));
        using var request = new HttpRequestMessage(HttpMethod.Post, target.InvocationsUri) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(vector.Body)) };
        foreach (var (name, value) in vector.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(vector.Authorization, string.Join(",", capture.Request!.Headers.GetValues("Authorization")));
        Assert.Equal(vector.SessionToken, string.Join(",", capture.Request.Headers.GetValues("X-Amz-Security-Token")));
    }

    private static VectorCase Vector()
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "sigv4-generated-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var e = document.RootElement.EnumerateArray().Single(v => v.GetProperty("name").GetString() == "agentcore-invoke-agent-runtime");
        var c = e.GetProperty("credentials");
        var r = e.GetProperty("request");
        var url = r.GetProperty("url").GetString()!;
        var encodedArn = url.Split("/runtimes/")[1].Split("/invocations")[0];
        return new VectorCase(
            Uri.UnescapeDataString(encodedArn),
            url,
            e.GetProperty("region").GetString()!,
            new AwsCredentials(c.GetProperty("accessKeyId").GetString()!, c.GetProperty("secretAccessKey").GetString()!, c.GetProperty("sessionToken").GetString()),
            c.GetProperty("sessionToken").GetString()!,
            DateTimeOffset.Parse(e.GetProperty("signingDate").GetString()!, CultureInfo.InvariantCulture),
            r.GetProperty("headers").EnumerateObject().Select(p => (p.Name, p.Value.GetString()!)).ToList(),
            r.GetProperty("body").GetString()!,
            e.GetProperty("signedHeaders").GetProperty("authorization").GetString()!);
    }

    private sealed record VectorCase(string Arn, string Url, string Region, AwsCredentials Credentials, string SessionToken, DateTimeOffset SigningDate, List<(string Name, string Value)> Headers, string Body, string Authorization);

    private sealed class CapturingHandler : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        }
    }
}
