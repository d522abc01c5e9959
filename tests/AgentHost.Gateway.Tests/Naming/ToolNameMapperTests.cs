using AgentHost.Gateway.Catalog;

namespace AgentHost.Gateway.Tests.Naming;

public sealed class ToolNameMapperTests
{
    private static ToolNameMap Map(params (string Gateway, string Name)[] tools) =>
        ToolNameMapper.Map(tools.Select(t => new ToolKey(t.Gateway, t.Name)), ["search_tools"]);

    [Fact]
    public void Map_ValidName_KeepsItUnchanged()
    {
        var map = Map(("gw", "orders___get_order"));

        Assert.Equal("orders___get_order", map.ToBedrockName(new ToolKey("gw", "orders___get_order")));
        Assert.Empty(map.Collisions);
    }

    [Fact]
    public void Map_InvalidCharacters_BecomeUnderscores()
    {
        var map = Map(("gw", "billing.api___get invoice/v2"));

        Assert.Equal("billing_api___get_invoice_v2", map.ToBedrockName(new ToolKey("gw", "billing.api___get invoice/v2")));
    }

    [Fact]
    public void Map_NameOfExactly64Characters_KeepsIt()
    {
        var name = "t___" + new string('a', 60);
        Assert.Equal(64, name.Length);

        Assert.Equal(name, Map(("gw", name)).ToBedrockName(new ToolKey("gw", name)));
    }

    [Fact]
    public void Map_NameOf65Characters_ShortensItTo64WithAStableHashSuffix()
    {
        var name = "t___" + new string('a', 61);
        var first = Map(("gw", name)).ToBedrockName(new ToolKey("gw", name));
        var again = Map(("other", "x"), ("gw", name)).ToBedrockName(new ToolKey("gw", name));

        Assert.Equal(64, first.Length);
        Assert.StartsWith(name[..55] + "_", first, StringComparison.Ordinal);
        Assert.Matches("_[0-9a-f]{8}$", first);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Map_LongNamesSharingA64CharacterPrefix_GivesDistinctNames()
    {
        var prefix = "target___" + new string('x', 60);
        var map = Map(("gw", prefix + "_alpha"), ("gw", prefix + "_beta"));

        var names = map.Forward.Values.ToList();
        Assert.Equal(2, names.Distinct().Count());
        Assert.All(names, n => Assert.True(ToolNameMapper.IsValid(n), n));
    }

    [Fact]
    public void Map_SanitisationCollision_IsResolvedDeterministicallyWhateverTheInputOrder()
    {
        var forward = Map(("gw", "a.b"), ("gw", "a_b"), ("gw", "a b"));
        var backward = Map(("gw", "a b"), ("gw", "a_b"), ("gw", "a.b"));

        Assert.Equal(forward.Forward.OrderBy(p => p.Key).ToList(), backward.Forward.OrderBy(p => p.Key).ToList());
        Assert.Equal(3, forward.Forward.Values.Distinct().Count());
        Assert.Equal(2, forward.Collisions.Count);
        Assert.Equal("a_b", forward.ToBedrockName(new ToolKey("gw", "a b")));
    }

    [Fact]
    public void Map_SameToolOnTwoGateways_GivesTwoUniqueNames()
    {
        var map = Map(("alpha", "crm___find"), ("beta", "crm___find"));

        Assert.Equal("crm___find", map.ToBedrockName(new ToolKey("alpha", "crm___find")));
        Assert.Matches("^crm___find_[0-9a-f]{8}$", map.ToBedrockName(new ToolKey("beta", "crm___find")));
        var collision = Assert.Single(map.Collisions);
        Assert.Equal("beta", collision.Tool.Gateway);
    }

    [Fact]
    public void Map_GatewayToolNamedLikeTheReservedSearchTool_NeverGetsTheReservedName()
    {
        var map = Map(("gw", "search_tools"));

        Assert.NotEqual("search_tools", map.ToBedrockName(new ToolKey("gw", "search_tools")));
    }

    [Fact]
    public void Map_RandomCatalog_RoundTripsAndEveryNameIsValidAndUnique()
    {
        var random = new Random(20260122);
        const string alphabet = "abcXYZ019_-.: /é___";
        var tools = Enumerable.Range(0, 2000)
            .Select(i => new ToolKey("gw" + (i % 3), new string(Enumerable.Range(0, random.Next(1, 120)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())))
            .Distinct()
            .ToList();

        var map = ToolNameMapper.Map(tools, ["search_tools"]);

        Assert.Equal(tools.Count, map.Forward.Values.Distinct(StringComparer.Ordinal).Count());
        foreach (var tool in tools)
        {
            var name = map.ToBedrockName(tool);
            Assert.True(ToolNameMapper.IsValid(name), name);
            Assert.True(map.TryGetTool(name, out var back));
            Assert.Equal(tool, back);
        }
    }

    [Fact]
    public void HashSuffix_IsSha256OfGatewayAndName_SoItIsStableAcrossProcessesAndVersions()
    {
        var name = "t___" + new string('a', 61);

        Assert.Equal("t___aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa_f4e2267f", Map(("gw", name)).ToBedrockName(new ToolKey("gw", name)));
    }
}
