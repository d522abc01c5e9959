namespace AgentHost.AgentCore.Contracts.Tests;

/// <summary>
/// The contracts and the client stay small enough for a Native AOT Lambda: the contracts reference nothing, the client only
/// the contracts and the AWS plumbing, and the CLI no longer references the ASP.NET runtime assembly.
/// </summary>
public sealed class ProjectReferenceGraphTests
{
    private static readonly string[] Forbidden = ["AgentHost.Hosting", "AgentHost.AgentCore.Runtime", "AgentHost.Core", "AgentHost.Server", "AgentHost.Storage.Sqlite", "AgentHost.Storage.DynamoDb"];

    [Fact]
    public void ContractsProject_References_NoProjectFrameworkOrPackage()
    {
        var csproj = ProjectGraph.Path("AgentHost.AgentCore.Contracts");

        Assert.Empty(ProjectGraph.ProjectReferences(csproj));
        Assert.Empty(ProjectGraph.FrameworkReferences(csproj));
        Assert.Empty(ProjectGraph.PackageReferences(csproj));
    }

    [Fact]
    public void ClientProject_DirectReferences_AreOnlyContractsAndAws()
    {
        var csproj = ProjectGraph.Path("AgentHost.AgentCore.Client");

        Assert.Equal(["AgentHost.AgentCore.Contracts", "AgentHost.Aws"], ProjectGraph.ProjectReferences(csproj).Select(ProjectGraph.Name).Order(StringComparer.Ordinal));
        Assert.Empty(ProjectGraph.FrameworkReferences(csproj));
        Assert.All(ProjectGraph.PackageReferences(csproj), p => Assert.Equal("Microsoft.Extensions.Logging.Abstractions", p));
    }

    [Fact]
    public void ClientProject_TransitiveReferences_ReachNoHostingStoreCoreOrAspNet()
    {
        var closure = ProjectGraph.Closure(ProjectGraph.Path("AgentHost.AgentCore.Client"));

        Assert.All(closure, project =>
        {
            Assert.DoesNotContain(ProjectGraph.Name(project), Forbidden);
            Assert.DoesNotContain(ProjectGraph.AspNetCore, ProjectGraph.FrameworkReferences(project));
        });
    }

    [Fact]
    public void CliProject_References_ReachTheClientButNotTheRuntimeAssembly()
    {
        var csproj = ProjectGraph.Path("AgentHost.Cli");

        Assert.Contains("AgentHost.AgentCore.Client", ProjectGraph.ProjectReferences(csproj).Select(ProjectGraph.Name));
        Assert.DoesNotContain("AgentHost.AgentCore.Runtime", ProjectGraph.Closure(csproj).Select(ProjectGraph.Name));
    }

    [Fact]
    public void RuntimeProject_References_IncludeTheContracts()
    {
        Assert.Contains("AgentHost.AgentCore.Contracts", ProjectGraph.ProjectReferences(ProjectGraph.Path("AgentHost.AgentCore.Runtime")).Select(ProjectGraph.Name));
    }
}
