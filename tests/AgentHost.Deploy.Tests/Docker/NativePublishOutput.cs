namespace AgentHost.Deploy.Tests.Docker;

/// <summary>
/// One replayed publish: the output folder (what the final image copies to <c>/app</c>), the entry point in it, and how long
/// the replay took (wall and CPU of the dotnet commands, printed by the tests so CI's cost stays visible).
/// </summary>
public sealed record NativePublishOutput(string RuntimeIdentifier, string Folder, string EntryPoint, TimeSpan Elapsed, TimeSpan Cpu)
{
    public string Describe() =>
        $"{RuntimeIdentifier} publish replayed in {Elapsed.TotalSeconds:F0} s wall, {Cpu.TotalSeconds:F0} s CPU of its commands";
}
