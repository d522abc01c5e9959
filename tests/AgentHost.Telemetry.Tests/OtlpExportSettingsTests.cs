using AgentHost.Telemetry.Export;

namespace AgentHost.Telemetry.Tests;

public sealed class OtlpExportSettingsTests
{
    [Fact]
    public void FromEnvironment_NoEndpoint_ExportsNothing()
    {
        var settings = OtlpExportSettings.FromEnvironment(new Dictionary<string, string> { ["OTEL_SERVICE_NAME"] = "x", ["PATH"] = "/bin" });

        Assert.False(settings.Enabled);
    }

    [Fact]
    public void FromEnvironment_Endpoint_ExportsEverySignalOverHttpProtobufByDefault()
    {
        var settings = OtlpExportSettings.FromEnvironment(new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318", ["PATH"] = "/bin" });

        Assert.True(settings.Traces && settings.Metrics && settings.Logs);
        Assert.Equal("http/protobuf", settings.Variables["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        Assert.False(settings.Variables.ContainsKey("PATH"));
        Assert.False(settings.HasServiceName);
    }

    [Fact]
    public void FromEnvironment_ProtocolSet_KeepsIt()
    {
        var settings = OtlpExportSettings.FromEnvironment(new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4317", ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc" });

        Assert.Equal("grpc", settings.Variables["OTEL_EXPORTER_OTLP_PROTOCOL"]);
    }

    [Fact]
    public void FromEnvironment_SignalEndpointOnly_ExportsThatSignal()
    {
        var settings = OtlpExportSettings.FromEnvironment(new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = "https://xray.us-east-1.amazonaws.com/v1/traces" });

        Assert.True(settings.Traces);
        Assert.False(settings.Metrics);
        Assert.False(settings.Logs);
    }

    [Fact]
    public void FromEnvironment_ExporterNone_TurnsThatSignalOff()
    {
        var settings = OtlpExportSettings.FromEnvironment(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318",
            ["OTEL_METRICS_EXPORTER"] = "none",
            ["OTEL_LOGS_EXPORTER"] = "console",
            ["OTEL_TRACES_EXPORTER"] = "console, otlp",
        });

        Assert.True(settings.Traces);
        Assert.False(settings.Metrics);
        Assert.False(settings.Logs);
    }

    [Fact]
    public void FromEnvironment_SdkDisabled_ExportsNothing()
    {
        var settings = OtlpExportSettings.FromEnvironment(new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318", ["OTEL_SDK_DISABLED"] = "true" });

        Assert.False(settings.Enabled);
    }

    [Theory]
    [InlineData("OTEL_SERVICE_NAME", "my-agent")]
    [InlineData("OTEL_RESOURCE_ATTRIBUTES", "aws.log.group.names=/aws/x, service.name=my-agent")]
    public void FromEnvironment_ServiceNameGiven_Says(string variable, string value)
    {
        var settings = OtlpExportSettings.FromEnvironment(new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318", [variable] = value });

        Assert.True(settings.HasServiceName);
    }
}
