using AgentHost.Abstractions.Agents;
using AgentHost.Abstractions.Tools;
using AgentHost.Core.Tools;
using AgentHost.Hosting.Composition;
using AgentHost.Testing.Tools;
using Microsoft.Extensions.AI;

namespace AgentHost.Hosting.Tests;

public sealed class ToolFilterTests
{
    private static readonly string[] Catalog =
    [
        "crm___get_investor_profile", "crm___verify_identity", "crm___update_contact_details",
        "portfolio___get_portfolio", "portfolio___get_positions", "trading___get_trade_blotter",
        "cases___create_case", "escalation___escalate_to_human",
    ];

    [Theory]
    [InlineData("", "", 8)]
    [InlineData("crm___*", "", 3)]
    [InlineData("crm___*,portfolio___*", "crm___update_*", 4)]
    [InlineData("", "*___update_*,trading___*", 6)]
    [InlineData("*", "*", 0)]
    [InlineData("portfolio___get_?ortfolio", "", 1)]
    public async Task GetTools_AllowAndDenyGlobs_FilterTheCatalogAsync(string allow, string deny, int expected)
    {
        var provider = Filtered(allow, deny);

        var tools = await provider.GetToolsAsync(Context(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, tools.Count);
    }

    [Fact]
    public async Task Resolve_DeniedTool_IsNotCallableEvenIfTheModelAsksAsync()
    {
        var provider = Filtered("", "crm___update_*");

        Assert.Null(await provider.ResolveAsync("crm___update_contact_details", TestContext.Current.CancellationToken));
        Assert.NotNull(await provider.ResolveAsync("crm___verify_identity", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Filter_GatewayNameOfAShortenedTool_AlsoMatchesAsync()
    {
        var tool = TestTools.Create(
            "very_long_target_name___tool_9f3a",
            (_, _) => default,
            additionalProperties: new Dictionary<string, object?> { [AgentHostServiceCollectionExtensions.GatewayToolNameProperty] = "very-long-target-name___tool_with_a_long_name" });
        var provider = new FilteredToolProvider(new StaticToolProvider([tool]), new ToolNameFilter(["very-long-target-name___*"], null), AgentHostServiceCollectionExtensions.NamesOf);

        Assert.Single(await provider.GetToolsAsync(Context(), TestContext.Current.CancellationToken));
    }

    private static FilteredToolProvider Filtered(string allow, string deny)
    {
        var tools = Catalog.Select(name => TestTools.Create(name, (_, _) => new ValueTask<object?>("ok"))).ToList();
        var filter = new ToolNameFilter(allow.Split(',', StringSplitOptions.RemoveEmptyEntries), deny.Split(',', StringSplitOptions.RemoveEmptyEntries));
        return new FilteredToolProvider(new StaticToolProvider(tools), filter, AgentHostServiceCollectionExtensions.NamesOf);
    }

    private static ToolSelectionContext Context() =>
        new(new InvocationContext { SessionId = "s", TurnId = "t" }, Array.Empty<ChatMessage>(), 1);
}
