using System.Text.Json;
using AgentHost.Gateway.Tests.Support;
using AgentHost.Gateway.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Gateway.Tests.Calls;

public sealed class ToolCallTests : IAsyncLifetime
{
    private TestMcpServer _server = null!;
    private GatewayTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await TestMcpServer.StartAsync(TestCatalog.Behaviours());
        _host = await GatewayTestHost.StartAsync(o => o.Gateways.Add(GatewayTestHost.Gateway("main", _server.Url)));
        await _host.WaitForToolsAsync(5);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<object?> InvokeAsync(string tool, AIFunctionArguments arguments) =>
        await (await _host.ResolveAsync(tool)).InvokeAsync(arguments, TestContext.Current.CancellationToken);

    private async Task<GatewayToolException> FailAsync(string tool, AIFunctionArguments arguments) =>
        await Assert.ThrowsAsync<GatewayToolException>(async () => await InvokeAsync(tool, arguments));

    [Fact]
    public async Task ToolCall_WithTextResult_ReturnsTheTextAndSendsTheArgumentsAsync()
    {
        var result = await InvokeAsync("orders___get_order", new AIFunctionArguments { ["orderId"] = "O-42", ["expand"] = new[] { "lines" } });

        var text = Assert.IsType<string>(result);
        using var echo = JsonDocument.Parse(text);
        Assert.Equal("orders___get_order", echo.RootElement.GetProperty("tool").GetString());
        Assert.Equal("O-42", echo.RootElement.GetProperty("arguments").GetProperty("orderId").GetString());
        Assert.Equal("lines", echo.RootElement.GetProperty("arguments").GetProperty("expand")[0].GetString());
    }

    [Fact]
    public async Task ToolCall_MissingRequiredArgument_FailsNamingTheFieldWithoutCallingTheGatewayAsync()
    {
        var error = await FailAsync("orders___get_order", new AIFunctionArguments { ["limit"] = 5 });

        Assert.Equal(GatewayToolErrorKind.InvalidArguments, error.Kind);
        Assert.Contains("orderId: is required", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.CallCalls);
    }

    [Fact]
    public async Task ToolCall_WithOutOfRangeAndWrongEnumArguments_NamesEveryFieldButNotTheValuesAsync()
    {
        var error = await FailAsync("orders___get_order", new AIFunctionArguments
        {
            ["orderId"] = "secret-customer-value",
            ["limit"] = 500,
            ["expand"] = JsonDocument.Parse("""["lines","invoices"]""").RootElement,
        });

        Assert.Contains("orderId: does not match the pattern", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit: must be at most 50", error.Message, StringComparison.Ordinal);
        Assert.Contains("expand[1]: must be one of", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-customer-value", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.CallCalls);
    }

    [Fact]
    public async Task ToolCall_IsErrorResult_BecomesAToolErrorWithTheGatewayTextAsync()
    {
        var error = await FailAsync("orders___refund_fail", new AIFunctionArguments { ["id"] = "1" });

        Assert.Equal(GatewayToolErrorKind.ToolError, error.Kind);
        Assert.Contains("The order is locked by another refund.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolCall_DeniedByGatewayPolicy_BecomesAPolicyDeniedErrorAsync()
    {
        var error = await FailAsync("payments___charge_denied", new AIFunctionArguments { ["id"] = "1" });

        Assert.Equal(GatewayToolErrorKind.PolicyDenied, error.Kind);
        Assert.Contains("policy", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("payments___charge_denied", error.ToolName);
    }

    [Fact]
    public async Task ToolCall_WithStructuredContent_ReturnsTheStructuredJsonAsync()
    {
        var result = await InvokeAsync("orders___stats_structured", new AIFunctionArguments { ["id"] = "1" });

        var json = Assert.IsType<JsonElement>(result);
        Assert.Equal(3, json.GetProperty("orders").GetInt32());
        Assert.Equal("EUR", json.GetProperty("currency").GetString());
    }

    [Fact]
    public async Task ToolCall_WithStructuredContentAndDifferentText_KeepsBothAsync()
    {
        var result = await InvokeAsync("tickets___summary_mixed", new AIFunctionArguments { ["id"] = "1" });

        var json = Assert.IsType<JsonElement>(result);
        Assert.Equal("Two tickets are open.", json.GetProperty("content").GetString());
        Assert.Equal(2, json.GetProperty("structuredContent").GetProperty("open").GetInt32());
    }

    [Fact]
    public async Task ToolCall_WhenTheGatewayIsGone_BecomesAnUnavailableErrorAsync()
    {
        var function = await _host.ResolveAsync("orders___get_order");
        await _server.DisposeAsync();

        var error = await Assert.ThrowsAsync<GatewayToolException>(async () =>
            await function.InvokeAsync(new AIFunctionArguments { ["orderId"] = "O-1" }, TestContext.Current.CancellationToken));

        Assert.Equal(GatewayToolErrorKind.Unavailable, error.Kind);
        Assert.Contains("main", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolvedFunction_GatewayTool_ExposesTheGatewaySchemaAndDescriptionAsync()
    {
        var function = await _host.ResolveAsync("orders___get_order");

        Assert.Equal("Gets an order by id.", function.Description);
        Assert.Equal("orderId", function.JsonSchema.GetProperty("required")[0].GetString());
        Assert.Equal("orders___get_order", function.AdditionalProperties[GatewayToolProperties.ToolName]);
        Assert.Equal("main", function.AdditionalProperties[GatewayToolProperties.GatewayName]);
    }

    [Fact]
    public async Task ToolCall_ArgumentValues_NeverReachTheLogsAsync()
    {
        await InvokeAsync("orders___get_order", new AIFunctionArguments { ["orderId"] = "O-31415926" });
        await FailAsync("orders___get_order", new AIFunctionArguments { ["orderId"] = "PII-27182818" });

        Assert.NotEmpty(_host.Logs.Lines);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("31415926", StringComparison.Ordinal) || l.Contains("27182818", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ToolCall_GatewayErrorText_StaysOutOfTheLogsAsync()
    {
        // The gateway's JSON-RPC error text may echo a caller's data; the SDK's warning that quotes it is not logged.
        var error = await FailAsync("payments___charge_denied", new AIFunctionArguments { ["id"] = "P-1" });

        Assert.Contains("Cedar forbid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_host.Logs.Lines, l => l.Contains("Cedar forbid", StringComparison.Ordinal));
    }
}
