using System.Net.Http.Headers;
using AgentHost.Aws.Credentials;
using AgentHost.Telemetry.Export;
using AgentHost.Telemetry.Tests.Otlp;

namespace AgentHost.Telemetry.Tests;

public sealed class CloudWatchExportTests
{
    [Theory]
    [InlineData("https://xray.us-east-1.amazonaws.com/v1/traces", "xray", "us-east-1")]
    [InlineData("https://logs.eu-west-2.amazonaws.com/v1/logs", "logs", "eu-west-2")]
    [InlineData("https://monitoring.ap-southeast-2.amazonaws.com/v1/metrics", "monitoring", "ap-southeast-2")]
    [InlineData("https://xray.cn-north-1.amazonaws.com.cn/v1/traces", "xray", "cn-north-1")]
    public void Match_CloudWatchOtlpEndpoint_GivesSigningNameAndRegion(string endpoint, string service, string region)
    {
        Assert.Equal((service, region), CloudWatchOtlpEndpoint.Match(new Uri(endpoint)));
    }

    [Theory]
    [InlineData("http://xray.us-east-1.amazonaws.com/v1/traces")]
    [InlineData("https://collector.internal:4318/v1/traces")]
    [InlineData("https://xray.us-east-1.amazonaws.com.evil.example/v1/traces")]
    [InlineData("https://bedrock.us-east-1.amazonaws.com/v1/traces")]
    public void Match_OtherEndpoint_IsNull(string endpoint)
    {
        Assert.Null(CloudWatchOtlpEndpoint.Match(new Uri(endpoint)));
    }

    [Fact]
    public void EndpointOf_BaseOrSignalEndpoint_GivesTheUrlTheExporterUses()
    {
        var settings = OtlpExportSettings.FromEnvironment(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4318/",
            ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = "https://xray.us-east-1.amazonaws.com/v1/traces",
        });

        Assert.Equal(new Uri("https://xray.us-east-1.amazonaws.com/v1/traces"), settings.EndpointOf("traces"));
        Assert.Equal(new Uri("http://collector:4318/v1/logs"), settings.EndpointOf("logs"));
    }

    [Fact]
    public async Task CreateSigningClient_ExportRequest_ArrivesSignedWithSigV4ForTheServiceAndRegionAsync()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        var credentials = new StaticAwsCredentialsProvider(new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token"));
        using var client = CloudWatchOtlpEndpoint.CreateSigningClient("xray", "us-east-1", credentials);
        using var content = new ByteArrayContent([0x0a, 0x00]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");

        using var response = await client.PostAsync(new Uri(receiver.Endpoint, "/v1/traces"), content, TestContext.Current.CancellationToken);

        response.EnsureSuccessStatusCode();
        var headers = Assert.Single(receiver.Requests).Headers;
        Assert.Matches(@"^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\d{8}/us-east-1/xray/aws4_request, SignedHeaders=[a-z0-9;-]*content-type[a-z0-9;-]*, Signature=[0-9a-f]{64}$", headers["Authorization"]);
        Assert.Equal("session-token", headers["X-Amz-Security-Token"]);
        Assert.True(headers.ContainsKey("X-Amz-Date"));
    }
}
