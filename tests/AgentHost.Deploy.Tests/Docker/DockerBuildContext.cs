using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.Docker;

/// <summary>
/// Replays the build stage of the Dockerfile without Docker: its <c>COPY</c> instructions copy from the repository into a
/// temp folder that stands for the stage's working directory (leaving out what <c>.dockerignore</c> excludes under
/// <c>src/</c>: <c>bin</c>, <c>obj</c>, <c>node_modules</c>), then its <c>RUN</c> commands run there with <c>/app</c> mapped
/// to a temp folder. A project the Dockerfile forgets to copy therefore fails the replay as it would fail the image build.
/// Only the <c>dotnet</c> commands are replayed; the stage's package installation is checked against
/// tests/setup/native-aot-toolchain.sh instead (DockerfileTests), which installs the same toolchain on this machine.
/// </summary>
internal static class DockerBuildContext
{
    private static readonly HashSet<string> IgnoredDirectories = new(StringComparer.Ordinal) { "bin", "obj", "node_modules" };

    public static void Stage(DockerStage stage, string workDirectory)
    {
        foreach (var copy in stage.Copies.Where(c => c.From is null))
        {
            var destination = Path.GetFullPath(Path.Combine(workDirectory, copy.Destination));
            var intoDirectory = copy.Destination.EndsWith('/') || copy.Destination is "." or "./" || copy.Sources.Count > 1;
            foreach (var source in copy.Sources)
            {
                var from = RepositoryPaths.Combine(source);
                if (Directory.Exists(from))
                {
                    CopyDirectory(from, destination);
                }
                else
                {
                    var target = intoDirectory ? Path.Combine(destination, Path.GetFileName(from)) : destination;
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    File.Copy(from, target, overwrite: true);
                }
            }
        }
    }

    /// <summary>The build stage's <c>dotnet</c> commands (restore, publish), rewritten as <see cref="Commands"/> does.</summary>
    public static IReadOnlyList<string[]> DotnetCommands(DockerStage stage, string output, string? runtimeIdentifier = null) =>
        [.. Commands(stage, output, runtimeIdentifier).Where(words => words.Length > 1 && words[0] == "dotnet")];

    /// <summary>
    /// The build stage's <c>RUN</c> commands as word lists, with <c>/app</c> replaced by <paramref name="output"/> and, when
    /// <paramref name="runtimeIdentifier"/> is given, every <c>-r</c>/<c>--runtime</c> value replaced by it.
    /// </summary>
    public static IReadOnlyList<string[]> Commands(DockerStage stage, string output, string? runtimeIdentifier = null) =>
    [
        .. stage.Where("RUN").Select(r =>
        {
            var words = r.Arguments.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                if (words[i] == "/app")
                {
                    words[i] = output;
                }
                else if (runtimeIdentifier is not null && i > 0 && words[i - 1] is "-r" or "--runtime")
                {
                    words[i] = runtimeIdentifier;
                }
            }

            return words;
        }),
    ];

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (!IgnoredDirectories.Contains(name))
            {
                CopyDirectory(directory, Path.Combine(to, name));
            }
        }
    }
}
