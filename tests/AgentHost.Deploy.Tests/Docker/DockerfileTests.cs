using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.Docker;

/// <summary>The Dockerfile against the real projects: renaming or moving a project, or changing the server's assembly name, fails here.</summary>
public sealed class DockerfileTests
{
    private static readonly Dockerfile File_ = Dockerfile.Load(RepositoryPaths.Combine("Dockerfile"));

    private static DockerStage Build => File_.Stage("build");

    [Fact]
    public void Dockerfile_CopiedProjectFiles_AllExistInTheRepository()
    {
        var missing = Build.Copies
            .Where(c => c.From is null)
            .SelectMany(c => c.Sources)
            .Where(s => !File.Exists(RepositoryPaths.Combine(s)) && !Directory.Exists(RepositoryPaths.Combine(s)))
            .ToList();

        Assert.True(missing.Count == 0, "The Dockerfile copies paths that do not exist: " + string.Join(", ", missing));
    }

    [Fact]
    public void Dockerfile_RestoreLayer_CopiesExactlyTheProjectsThePublishedProjectNeeds()
    {
        var publish = DotnetCommand.Find(Build, "publish");
        var published = PublishedProjectPath(publish.Project);
        var expected = MsBuildProject.Closure(published).Select(Relative).ToHashSet(StringComparer.Ordinal);

        var copied = Build.Copies
            .Where(c => c.From is null)
            .SelectMany(c => c.Sources)
            .Where(s => s.EndsWith(".csproj", StringComparison.Ordinal))
            .Select(s => Relative(RepositoryPaths.Combine(s)))
            .ToHashSet(StringComparer.Ordinal);

        var notCopied = expected.Except(copied).Order(StringComparer.Ordinal).ToList();
        var extra = copied.Except(expected).Order(StringComparer.Ordinal).ToList();
        Assert.True(notCopied.Count == 0, "Projects the server references but the Dockerfile does not copy before restore: " + string.Join(", ", notCopied));
        Assert.True(extra.Count == 0, "Projects the Dockerfile copies but the server does not reference: " + string.Join(", ", extra));
    }

    [Fact]
    public void Dockerfile_RestoreLayer_CopiesTheFilesTheProjectsImport()
    {
        var published = PublishedProjectPath(DotnetCommand.Find(Build, "publish").Project);
        var sourceCopy = Build.Copies.Single(c => c.Sources.Contains("src/"));
        var copiedBeforeRestore = Build.Copies
            .Where(c => c.From is null && c.Line < sourceCopy.Line)
            .SelectMany(c => c.Sources)
            .Select(s => Relative(RepositoryPaths.Combine(s)))
            .ToHashSet(StringComparer.Ordinal);

        var imports = MsBuildProject.Closure(published).SelectMany(p => MsBuildProject.Load(p).Imports).Select(Relative).ToList();

        Assert.NotEmpty(imports);
        var notCopied = imports.Where(i => !copiedBeforeRestore.Contains(i)).ToList();
        Assert.True(notCopied.Count == 0, "Files the projects import but the Dockerfile does not copy before restore: " + string.Join(", ", notCopied));
    }

    [Fact]
    public void Dockerfile_RestoreLayer_CopiesTheRootBuildSettingsFirst()
    {
        var firstCopy = Build.Copies.First();
        Assert.Null(firstCopy.From);
        Assert.Equal(
            new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" },
            firstCopy.Sources.Order(StringComparer.Ordinal));
        var restore = DotnetCommand.Find(Build, "restore");
        var sourceCopy = Build.Copies.Single(c => c.Sources.Contains("src/"));
        Assert.True(Build.Instructions.IndexOf(Build.Where("RUN").First(r => r.Arguments.StartsWith("dotnet restore", StringComparison.Ordinal)))
            < Build.Instructions.FindIndex(i => i.Line == sourceCopy.Line), "The restore must run before the sources are copied, so the package layer is cached.");
        var publish = DotnetCommand.Find(Build, "publish");
        Assert.Equal(Relative(PublishedProjectPath(publish.Project)), Relative(PublishedProjectPath(restore.Project)));
        Assert.Equal(publish.Option("--runtime"), restore.Option("--runtime"));
        Assert.Contains("-p:PublishAot=true", restore.Words);
    }

    [Fact]
    public void Dockerfile_PublishCommand_PublishesTheServerAsNativeAotForLinuxArm64()
    {
        var publish = DotnetCommand.Find(Build, "publish");

        Assert.Equal(RepositoryPaths.ServerProject, PublishedProjectPath(publish.Project));
        Assert.Equal("Release", publish.Option("--configuration"));
        Assert.Equal("linux-arm64", publish.Option("--runtime"));
        Assert.Equal("/app", publish.Option("--output"));
        Assert.Equal(["-p:PublishAot=true"], publish.Words.Where(w => w.StartsWith("-p:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dockerfile_BuildStage_InstallsTheNativeToolchainTheSetupScriptInstalls()
    {
        var install = Assert.Single(Build.Where("RUN"), r => r.Arguments.Contains("apt-get install", StringComparison.Ordinal));
        Assert.True(
            Build.Instructions.IndexOf(install) < Build.Instructions.IndexOf(Build.Where("RUN").First(r => r.Arguments.StartsWith("dotnet", StringComparison.Ordinal))),
            "The toolchain must be installed before the first dotnet command.");
        var installCommand = install.Arguments.Split("&&", StringSplitOptions.TrimEntries).Single(c => c.StartsWith("apt-get install", StringComparison.Ordinal));
        var packages = installCommand.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(2).Where(w => !w.StartsWith('-')).ToList();
        Assert.Equal(["clang", "lld", "zlib1g-dev"], packages.Order(StringComparer.Ordinal));

        // The setup script installs the same packages on this machine (plus llvm for llvm-objcopy, which the image gets
        // with clang, and the arm64 cross-publish's sysroot and emulator).
        var script = File.ReadAllText(RepositoryPaths.Combine("tests/setup/native-aot-toolchain.sh"));
        foreach (var package in packages)
        {
            Assert.Contains($"missing+=({package})", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Dockerfile_BuildAndFinalStages_UseTheSameUbuntuRelease()
    {
        // The native executable links against the build image's glibc and runs on the final image's.
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/sdk:\$\{DOTNET_VERSION\}-noble$", Build.BaseImage);
        Assert.Matches(@"^mcr\.microsoft\.com/dotnet/runtime-deps:\$\{DOTNET_VERSION\}-noble-chiseled$", File_.Final.BaseImage);
    }

    [Fact]
    public void PeerBenchmarkScript_AotFlags_AreTheDockerfilesPublishOptions()
    {
        var publish = DotnetCommand.Find(Build, "publish");
        var script = File.ReadAllLines(RepositoryPaths.Combine("tests/benchmarks/run-peer-comparison.sh"));
        var flagsLine = Assert.Single(script, l => l.Contains("aot_flags=(-r ", StringComparison.Ordinal));

        var scriptWords = flagsLine.Split([' ', '(', ')', ';'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            publish.Words.Where(w => w.StartsWith("-p:", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            scriptWords.Where(w => w.StartsWith("-p:", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Dockerfile_EntryPoint_MatchesServerAssemblyName()
    {
        var publish = DotnetCommand.Find(Build, "publish");
        var project = MsBuildProject.Load(PublishedProjectPath(publish.Project));

        Assert.Equal(["/app/" + project.AssemblyName], File_.EntryPoint);
        Assert.Equal("Microsoft.NET.Sdk.Web", project.Sdk);
    }

    [Fact]
    public void Dockerfile_FinalStage_CopiesOnlyThePublishOutputIntoItsWorkingDirectory()
    {
        var final = File_.Final;
        var copies = final.Copies.ToList();

        var copy = Assert.Single(copies);
        Assert.Equal("build", copy.From);
        Assert.Equal(["/app"], copy.Sources);
        Assert.Equal("/app", final.Where("WORKDIR").Last().Arguments);
        Assert.Empty(final.Where("RUN"));
    }

    [Fact]
    public void Dockerfile_FinalStage_RunsTheRuntimeDepsImageAsNonRootOnPort8080()
    {
        var final = File_.Final;

        Assert.StartsWith("mcr.microsoft.com/dotnet/runtime-deps:", final.BaseImage, StringComparison.Ordinal);
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:", Build.BaseImage, StringComparison.Ordinal);
        var user = Assert.Single(final.Where("USER")).Arguments;
        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });
        Assert.Equal("8080", Assert.Single(final.Where("EXPOSE")).Arguments);
        var environment = string.Join(' ', final.Where("ENV").Select(e => e.Arguments));
        Assert.Contains("PORT=8080", environment, StringComparison.Ordinal);
    }

    [Fact]
    public void DockerIgnore_Patterns_ExcludeAgentcoreBuildOutputTestsAndLocalData()
    {
        var patterns = File.ReadAllLines(RepositoryPaths.Combine(".dockerignore"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);

        foreach (var required in new[] { "agentcore/", "**/bin", "**/obj", "tests/", ".data/", ".tools/", "artifacts/", ".git" })
        {
            Assert.True(patterns.Contains(required), $".dockerignore must exclude '{required}'.");
        }

        Assert.DoesNotContain(patterns, p => p is "src" or "src/" or "*" || p.StartsWith("!", StringComparison.Ordinal));
    }

    /// <summary>The project file a publish/restore argument names: a project file, or a folder holding exactly one.</summary>
    internal static string PublishedProjectPath(string argument)
    {
        var path = RepositoryPaths.Combine(argument);
        if (File.Exists(path))
        {
            return path;
        }

        Assert.True(Directory.Exists(path), $"The Dockerfile publishes '{argument}', which does not exist in the repository.");
        var projects = Directory.GetFiles(path, "*.csproj");
        Assert.True(projects.Length == 1, $"'{argument}' must hold exactly one project file; it holds {projects.Length}.");
        return projects[0];
    }

    private static string Relative(string absolute) => Path.GetRelativePath(RepositoryPaths.Root, absolute).Replace('\\', '/');
}
