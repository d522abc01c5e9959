namespace AgentHost.Deploy.Tests.Docker;

/// <summary>A build stage: its <c>FROM</c> image, optional <c>AS</c> name and the instructions that follow.</summary>
internal sealed class DockerStage(string baseImage, string? name)
{
    public string BaseImage { get; } = baseImage;

    public string? Name { get; } = name;

    public List<DockerInstruction> Instructions { get; } = [];

    public IEnumerable<DockerInstruction> Where(string keyword) =>
        Instructions.Where(i => string.Equals(i.Keyword, keyword, StringComparison.OrdinalIgnoreCase));

    /// <summary>The <c>COPY</c> instructions of the stage.</summary>
    public IEnumerable<DockerCopy> Copies => Where("COPY").Select(DockerCopy.Parse);
}
