using System.Diagnostics;
using AgentHost.Models.OpenAI.Tests.Support;

namespace AgentHost.Models.OpenAI.Tests;

/// <summary>`agenthost chat` against an OpenAI-compatible server (as with Ollama or LM Studio), with the development gateway's tools.</summary>
public sealed class ChatEndToEndTests
{
    [Fact]
    public async Task Chat_OpenAIBaseUrlSet_AutoPicksTheEndpointCallsAGatewayToolAndAnswersAsync()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Fallback = body =>
        {
            var messages = body!["messages"]!.AsArray();
            var last = messages[^1]!["role"]!.GetValue<string>();
            return ctx => FakeOpenAIServer.WriteStreamAsync(ctx, last == "tool"
                ? Completions.StreamedText("LP-001 holds a balanced portfolio.")
                : Completions.StreamedToolCall("call_1", "portfolio___get_portfolio", "{\"investorId\":", "\"LP-001\"}"));
        };

        var (exit, output, error) = await RunCliAsync(server, "What is the portfolio of investor LP-001?\n/exit\n", "chat");

        Assert.True(exit == 0, error);
        Assert.Contains($"OpenAI-compatible llama3.1 at {server.BaseUrl}", output, StringComparison.Ordinal);
        Assert.Contains("-> portfolio___get_portfolio {\"investorId\":\"LP-001\"}", output, StringComparison.Ordinal);
        Assert.Contains("LP-001 holds a balanced portfolio.", output, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
        var tools = server.Requests[0].Body!["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("portfolio___get_portfolio", tools);
    }

    [Fact]
    public async Task Chat_ModelCannotCallTools_TheTurnEndsWithAClearErrorAndTheChatGoesOnAsync()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        server.Fallback = _ => async ctx =>
        {
            ctx.Response.StatusCode = 400;
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(ctx.Response, Completions.Error("gemma:2b does not support tools"));
        };

        var (exit, output, error) = await RunCliAsync(server, "hello\n/exit\n", "chat");

        Assert.True(exit == 0, error);
        Assert.Contains("cannot call tools", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_OpenAIProviderWithoutModel_ExitsWithAConfigurationErrorAsync()
    {
        await using var server = await FakeOpenAIServer.StartAsync();

        var (exit, _, error) = await RunCliAsync(server, string.Empty, new Dictionary<string, string> { ["AGENTHOST_MODEL_PROVIDER"] = "openai", ["AGENTHOST_OPENAI_MODEL"] = string.Empty }, "invoke", "hello");

        Assert.Equal(2, exit);
        Assert.Contains("AGENTHOST_OPENAI_MODEL", error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    /// <summary>
    /// The CLI from its own build output: this test project references ASP.NET's shared framework (for the fake server), so
    /// its output folder lacks package assemblies the CLI, which runs on the base framework only, needs.
    /// </summary>
    private static string CliAssembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(AgentHost.Testing.RepositoryPaths.Root, "src", "Applications", "AgentHost.Cli", "bin", configuration, "net10.0", "agenthost.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the CLI first: {path} does not exist.", path);
    }

    private static Task<(int ExitCode, string Output, string Error)> RunCliAsync(FakeOpenAIServer server, string stdin, params string[] args) =>
        RunCliAsync(server, stdin, [], args);

    private static async Task<(int ExitCode, string Output, string Error)> RunCliAsync(FakeOpenAIServer server, string stdin, Dictionary<string, string> extra, params string[] args)
    {
        var folder = Path.Combine(Path.GetTempPath(), "agenthost-openai-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliAssembly());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("AGENTHOST_", StringComparison.Ordinal) || k.StartsWith("AGENTCORE_GATEWAY_", StringComparison.Ordinal) || k.Contains("BEDROCK", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["AGENTHOST_OPENAI_BASE_URL"] = server.BaseUrl.ToString();
        start.Environment["AGENTHOST_OPENAI_MODEL"] = "llama3.1";
        start.Environment["AGENTHOST_SQLITE_PATH"] = Path.Combine(folder, "conversations.db");
        start.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in extra)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        return (process.ExitCode, await output, await error);
    }
}
