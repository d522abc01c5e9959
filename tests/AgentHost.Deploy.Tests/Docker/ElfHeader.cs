namespace AgentHost.Deploy.Tests.Docker;

/// <summary>The machine an ELF executable is built for (<c>e_machine</c>, bytes 18-19 of the header).</summary>
internal static class ElfHeader
{
    public const ushort X86_64 = 0x3E;
    public const ushort AArch64 = 0xB7;

    public static ushort Machine(string path)
    {
        Span<byte> header = stackalloc byte[20];
        using (var file = File.OpenRead(path))
        {
            file.ReadExactly(header);
        }

        Assert.True(header[..4].SequenceEqual("\u007fELF"u8), $"{path} is not an ELF executable.");
        return BitConverter.ToUInt16(header[18..]);
    }

    public static ushort For(string runtimeIdentifier) => runtimeIdentifier switch
    {
        "linux-x64" => X86_64,
        "linux-arm64" => AArch64,
        _ => throw new ArgumentOutOfRangeException(nameof(runtimeIdentifier), runtimeIdentifier, "Not a Linux target of these tests."),
    };
}
