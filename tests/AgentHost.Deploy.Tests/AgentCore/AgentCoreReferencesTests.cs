using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AgentHost.Deploy.Tests.Infrastructure;

namespace AgentHost.Deploy.Tests.AgentCore;

/// <summary>
/// What <c>agentcore validate</c> does not check: every file the configuration references exists (Dockerfile, code
/// location, policy documents, tool schemas, the CDK app), the layout the CLI needs, and consistency with the host.
/// </summary>
public sealed partial class AgentCoreReferencesTests
{
    private static readonly JsonObject Project = AgentCoreProject.Load();

    [Fact]
    public void AgentCoreFolder_ConfigFile_IsASymlinkResolvingToTheRootFile()
    {
        var link = new FileInfo(RepositoryPaths.Combine("agentcore/agentcore.json"));

        Assert.True(link.Exists, "agentcore/agentcore.json is missing: the CLI reads only that path.");
        Assert.Equal("../agentcore.json", link.LinkTarget);
        Assert.Equal(AgentCoreProject.RootFile, link.ResolveLinkTarget(returnFinalTarget: true)?.FullName);
    }

    [Fact]
    public void AwsTargets_Parsed_IsAJsonArrayOfNamedTargets()
    {
        var targets = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("agentcore/aws-targets.json")));

        var array = Assert.IsType<JsonArray>(targets);
        Assert.All(array, t => Assert.Matches("^[a-zA-Z][a-zA-Z0-9-]*$", t?["name"]?.GetValue<string>() ?? string.Empty));
    }

    [Fact]
    public void Runtimes_CodeLocationAndDockerfile_Exist()
    {
        var runtimes = AgentCoreProject.Runtimes(Project).ToList();
        Assert.NotEmpty(runtimes);
        foreach (var runtime in runtimes)
        {
            var codeLocation = RepositoryPaths.Combine(AgentCoreProject.String(runtime, "codeLocation"));
            Assert.True(Directory.Exists(codeLocation), $"codeLocation {codeLocation} does not exist.");
            Assert.Equal("Container", AgentCoreProject.String(runtime, "build"));
            var context = runtime["buildContextPath"] is null ? codeLocation : RepositoryPaths.Combine(AgentCoreProject.String(runtime, "buildContextPath"));
            var dockerfile = Path.Combine(context, AgentCoreProject.String(runtime, "dockerfile"));
            Assert.True(File.Exists(dockerfile), $"The runtime's Dockerfile {dockerfile} does not exist.");
            Assert.True(File.Exists(Path.Combine(context, ".dockerignore")), "The build context has no .dockerignore.");
        }
    }

    [Fact]
    public void Runtimes_AdditionalPolicyFiles_ExistAndAreIamPolicyDocuments()
    {
        foreach (var runtime in AgentCoreProject.Runtimes(Project))
        {
            var codeLocation = RepositoryPaths.Combine(AgentCoreProject.String(runtime, "codeLocation"));
            var entries = runtime["additionalPolicies"]?.AsArray().Select(e => e!.GetValue<string>()).ToList() ?? [];
            Assert.NotEmpty(entries);
            foreach (var entry in entries.Where(e => !e.StartsWith("arn:", StringComparison.Ordinal)))
            {
                var path = Path.GetFullPath(Path.Combine(codeLocation, entry));
                Assert.True(File.Exists(path), $"additionalPolicies entry {entry} does not exist at {path}.");
                var policy = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
                Assert.Equal("2012-10-17", policy["Version"]?.GetValue<string>());
                Assert.NotEmpty(policy["Statement"]!.AsArray());
            }
        }
    }

    [Fact]
    public void Gateways_ToolSchemaFiles_ExistAndListNamedDescribedTools()
    {
        var targets = AgentCoreProject.Gateways(Project).SelectMany(g => AgentCoreProject.Array(g, "targets")).ToList();
        Assert.NotEmpty(targets);
        foreach (var target in targets.Where(t => t["lambdaFunctionArn"] is not null))
        {
            var file = target["lambdaFunctionArn"]!["toolSchemaFile"]!.GetValue<string>();
            var path = RepositoryPaths.Combine(file);
            Assert.True(File.Exists(path), $"toolSchemaFile {file} does not exist.");
            var tools = Assert.IsType<JsonArray>(JsonNode.Parse(File.ReadAllText(path)));
            Assert.NotEmpty(tools);
            Assert.All(tools, tool =>
            {
                Assert.Matches("^[a-zA-Z][a-zA-Z0-9_-]*$", tool?["name"]?.GetValue<string>() ?? string.Empty);
                Assert.False(string.IsNullOrWhiteSpace(tool?["description"]?.GetValue<string>()));
                Assert.Equal("object", tool?["inputSchema"]?["type"]?.GetValue<string>());
            });
        }
    }

    [Fact]
    public async Task CdkApp_FilesTheCliRuns_ExistAndAreTrackedByGitAsync()
    {
        string[] files = ["agentcore/cdk/package.json", "agentcore/cdk/cdk.json", "agentcore/cdk/tsconfig.json", "agentcore/cdk/bin/cdk.ts", "agentcore/cdk/lib/cdk-stack.ts"];
        foreach (var file in files)
        {
            Assert.True(File.Exists(RepositoryPaths.Combine(file)), $"{file} is missing.");
        }

        // The root .gitignore ignores every bin/ folder: without `git add -f` a CI checkout has no bin/cdk.ts and cannot synthesise.
        var tracked = await ProcessRunner.RunAsync(
            "git", ["ls-files", "--error-unmatch", .. files], RepositoryPaths.Root, null, TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.True(tracked.ExitCode == 0, "Some CDK app files are not tracked by git (add them with git add -f): " + tracked.Describe());
    }

    [Fact]
    public void CdkApp_PackageJson_DependsOnTheAgentCoreConstructs()
    {
        var package = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("agentcore/cdk/package.json")))!;

        Assert.NotNull(package["dependencies"]?["@aws/agentcore-cdk"]);
        Assert.NotNull(package["dependencies"]?["aws-cdk-lib"]);
        Assert.Equal("node dist/bin/cdk.js", JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("agentcore/cdk/cdk.json")))!["app"]!.GetValue<string>());
    }

    [Fact]
    public void Runtime_EnvironmentVariables_AreReadByTheHost()
    {
        var sources = string.Join('\n', Directory.EnumerateFiles(RepositoryPaths.Combine("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        var unknown = new List<string>();
        foreach (var name in AgentCoreProject.Runtimes(Project).SelectMany(r => AgentCoreProject.EnvironmentVariables(r).Keys))
        {
            var generic = GenericKey().Match(name);
            var known = generic.Success
                ? sources.Contains($"\"{string.Join(':', generic.Groups[1].Value.Split("__").Select(Pascal))}\"", StringComparison.OrdinalIgnoreCase)
                : sources.Contains($"\"{name}\"", StringComparison.Ordinal);
            if (!known)
            {
                unknown.Add(name);
            }
        }

        Assert.True(unknown.Count == 0, "agentcore.json sets environment variables the host never reads: " + string.Join(", ", unknown));
    }

    [Fact]
    public void DynamoDbPolicy_ConfiguredRuntime_CoversItsTableAndEveryCallTheStoreMakes()
    {
        var runtime = AgentCoreProject.Runtimes(Project).First();
        var variables = AgentCoreProject.EnvironmentVariables(runtime);
        var table = variables["AGENTHOST_DYNAMODB_TABLE"];
        var policy = JsonNode.Parse(File.ReadAllText(RepositoryPaths.Combine("agentcore/policies/dynamodb-conversations.json")))!;
        var statements = policy["Statement"]!.AsArray();
        var actions = statements.Where(s => s!["Effect"]!.GetValue<string>() == "Allow").SelectMany(s => s!["Action"]!.AsArray().Select(a => a!.GetValue<string>())).ToHashSet(StringComparer.Ordinal);
        var resources = statements.SelectMany(s => s!["Resource"]!.AsArray().Select(a => a!.GetValue<string>())).ToList();

        Assert.Contains($"arn:aws:dynamodb:*:*:table/{table}", resources);
        Assert.Contains($"arn:aws:dynamodb:*:*:table/{table}/index/*", resources);

        // The control layer's tables (on by default) follow the conversation table's name; the audit table is append-only.
        Assert.Contains($"arn:aws:dynamodb:*:*:table/{table}-control", resources);
        Assert.Contains($"arn:aws:dynamodb:*:*:table/{table}-audit", resources);
        var denials = statements.Where(s => s!["Effect"]!.GetValue<string>() == "Deny").ToList();
        Assert.Contains(denials, d =>
            d!["Resource"]!.AsArray().Any(r => r!.GetValue<string>() == $"arn:aws:dynamodb:*:*:table/{table}-audit") &&
            d["Action"]!.AsArray().Select(a => a!.GetValue<string>()).ToHashSet().IsSupersetOf(["dynamodb:UpdateItem", "dynamodb:DeleteItem"]));

        // Table administration runs only with AGENTHOST_DYNAMODB_CREATE_TABLE (off in the runtime: the table is created by CI).
        // Scan serves only `agenthost audit verify` over a whole store, which auditors run with their own role (README, Control layer).
        string[] administration = ["CreateTable", "UpdateTimeToLive", "UpdateContinuousBackups", "Scan"];
        Assert.False(variables.TryGetValue("AGENTHOST_DYNAMODB_CREATE_TABLE", out var create) && create is "true" or "1");
        var storeSources = Directory.EnumerateFiles(RepositoryPaths.Combine("src/Integrations/AgentHost.Storage.DynamoDb"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);
        var calls = storeSources.SelectMany(s => ClientCall().Matches(s).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(calls);
        var missing = calls.Except(administration).Where(c => !actions.Contains("dynamodb:" + c)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "The DynamoDB policy lacks actions the store calls: " + string.Join(", ", missing));
        if (calls.Contains("TransactWriteItems"))
        {
            // TransactWriteItems is authorised per item action.
            Assert.Contains("dynamodb:PutItem", actions);
            Assert.Contains("dynamodb:UpdateItem", actions);
            Assert.Contains("dynamodb:DeleteItem", actions);
            Assert.Contains("dynamodb:ConditionCheckItem", actions);
        }
    }

    [Fact]
    public void Runtime_RequestHeaderAllowlist_CoversAuthorizationAndCustomHeadersOnly()
    {
        var allowlist = AgentCoreProject.Runtimes(Project).First()["requestHeaderAllowlist"]!.AsArray().Select(h => h!.GetValue<string>()).ToList();

        Assert.Contains("Authorization", allowlist);
        Assert.InRange(allowlist.Count, 1, 20);
        Assert.All(allowlist.Where(h => h != "Authorization"), h => Assert.StartsWith("X-Amzn-Bedrock-AgentCore-Runtime-Custom-", h, StringComparison.Ordinal));
    }

    private static string Pascal(string upper) => upper.Length == 0 ? upper : upper[..1] + upper[1..].ToLowerInvariant();

    [GeneratedRegex("^AGENTHOST_(?!DYNAMODB_|MODEL_|LOG_|GATEWAY_|STORE|DEVGATEWAY)([A-Z]+__[A-Z0-9_]+)$")]
    private static partial Regex GenericKey();

    [GeneratedRegex(@"_client\.([A-Za-z]+)Async\(")]
    private static partial Regex ClientCall();
}
