using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.Docker;

/// <summary>
/// What an x64 machine needs to build and run the linux-arm64 entry point (tests/setup/native-aot-toolchain.sh installs it):
/// the arm64 sysroot the AOT compiler links against and qemu's user-mode emulator, which runs the arm64 binary with the
/// sysroot's dynamic loader and libc (<c>QEMU_LD_PREFIX</c>).
/// </summary>
internal static class Arm64Emulation
{
    public static string SysRoot =>
        System.Environment.GetEnvironmentVariable("AGENTHOST_ARM64_SYSROOT") is { Length: > 0 } path ? path : RepositoryPaths.Combine(".tools/arm64-sysroot");

    public static string Emulator => "/usr/bin/qemu-aarch64-static";

    public static void AssertInstalled()
    {
        // The setup script leaves a note where it cannot unpack the sysroot (a machine that is not Debian).
        if (File.Exists(SysRoot + ".unavailable"))
        {
            Assert.Skip("No linux-arm64 replay on this machine: " + File.ReadAllText(SysRoot + ".unavailable").Trim());
        }

        Assert.True(
            File.Exists(Path.Combine(SysRoot, "usr/lib/aarch64-linux-gnu/libz.so")) && File.Exists(Emulator),
            $"The linux-arm64 replay needs the arm64 sysroot ({SysRoot}) and {Emulator}: run tests/setup/native-aot-toolchain.sh.");
    }

    /// <summary>The environment the emulator needs to find the arm64 loader and libraries.</summary>
    public static IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["QEMU_LD_PREFIX"] = SysRoot };
}
