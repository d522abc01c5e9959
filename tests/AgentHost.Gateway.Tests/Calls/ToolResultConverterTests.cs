using AgentHost.Gateway.Tools;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Protocol;

namespace AgentHost.Gateway.Tests.Calls;

public sealed class ToolResultConverterTests
{
    [Fact]
    public void Convert_SeveralTextBlocks_JoinsThemByNewLines()
    {
        var result = new CallToolResult { Content = [new TextContentBlock { Text = "one" }, new TextContentBlock { Text = "two" }] };

        Assert.Equal("one\ntwo", ToolResultConverter.Convert(result));
    }

    [Fact]
    public void Convert_ImageContent_ReturnsDataContentBesideTheText()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47];
        var result = new CallToolResult { Content = [new TextContentBlock { Text = "chart:" }, ImageContentBlock.FromBytes(png, "image/png")] };

        var contents = Assert.IsAssignableFrom<IList<AIContent>>(ToolResultConverter.Convert(result));

        Assert.Equal("chart:", Assert.IsType<TextContent>(contents[0]).Text);
        var data = Assert.IsType<DataContent>(contents[1]);
        Assert.Equal("image/png", data.MediaType);
        Assert.Equal(png, data.Data.ToArray());
    }

    [Fact]
    public void Convert_EmptyResult_ReturnsAnEmptyString() =>
        Assert.Equal(string.Empty, ToolResultConverter.Convert(new CallToolResult { Content = [] }));
}
