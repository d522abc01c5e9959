using System.Diagnostics;
using AgentHost.Testing.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace AgentHost.Telemetry.Tests;

[Collection(TelemetryCollection.Name)]
public sealed class TelemetryOffTests
{
    [Fact]
    public async Task Start_NoOtlpEndpoint_CreatesNoSdkObjectAndNoModelTelemetryLayerAsync()
    {
        var model = new ScriptedChatClient().ThenText("hello");
        await using var host = await InProcessHost.StartAsync(model, new Dictionary<string, string> { ["OTEL_SERVICE_NAME"] = "ignored-without-endpoint" });

        Assert.False(host.ExportEnabled);
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.Null(host.Services.GetRequiredService<IChatClient>().GetService<ActivitySource>());

        // Logs are redacted either way.
        var turn = await host.Sessions.RunTurnAsync(new() { SessionId = "off-1", Prompt = "hi" }, TestContext.Current.CancellationToken);
        Assert.Equal("hello", turn.Outcome.Text);
    }

    [Fact]
    public async Task Start_OtlpEndpoint_PutsM_E_AIsTelemetryClientOnTheModelPipelineAsync()
    {
        var model = new ScriptedChatClient();
        await using var host = await InProcessHost.StartAsync(model, new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9", ["OTEL_METRICS_EXPORTER"] = "none", ["OTEL_LOGS_EXPORTER"] = "none" });

        Assert.True(host.ExportEnabled);
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.Equal("Experimental.Microsoft.Extensions.AI", host.Services.GetRequiredService<IChatClient>().GetService<ActivitySource>()?.Name);
    }
}
