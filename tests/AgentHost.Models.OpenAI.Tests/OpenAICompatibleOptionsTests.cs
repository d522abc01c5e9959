namespace AgentHost.Models.OpenAI.Tests;

public sealed class OpenAICompatibleOptionsTests
{
    [Fact]
    public void Validate_NoBaseUrl_NamesTheVariable()
    {
        var error = Assert.Throws<ArgumentException>(() => new OpenAICompatibleOptions { Model = "llama3.1" }.Validate());

        Assert.Contains(OpenAICompatibleOptions.BaseUrlVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoModel_NamesTheVariable()
    {
        var error = Assert.Throws<ArgumentException>(() => new OpenAICompatibleOptions { BaseUrl = new Uri("http://localhost:11434/v1") }.Validate());

        Assert.Contains(OpenAICompatibleOptions.ModelVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithEnvironmentDefaults_RelativeBaseUrl_FailsNamingTheVariable()
    {
        var error = Assert.Throws<ArgumentException>(() => new OpenAICompatibleOptions().WithEnvironmentDefaults(name => name == OpenAICompatibleOptions.BaseUrlVariable ? "localhost:11434" : null).Validate());

        Assert.Contains(OpenAICompatibleOptions.BaseUrlVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyFile_ReadsTheTrimmedKeyInsteadOfTheInlineOne()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "  sk-from-file \n");
        try
        {
            var key = new OpenAICompatibleOptions { BaseUrl = new Uri("http://localhost:1234/v1"), Model = "m", ApiKey = "inline", ApiKeyFile = file }.Validate();

            Assert.Equal("sk-from-file", key);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Validate_MissingKeyFile_NamesTheVariable()
    {
        var error = Assert.Throws<ArgumentException>(() => new OpenAICompatibleOptions { BaseUrl = new Uri("http://localhost:1234/v1"), Model = "m", ApiKeyFile = "/no/such/key" }.Validate());

        Assert.Contains(OpenAICompatibleOptions.ApiKeyFileVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithEnvironmentDefaults_Variables_FillUnsetProperties()
    {
        var environment = new Dictionary<string, string>
        {
            [OpenAICompatibleOptions.BaseUrlVariable] = "http://127.0.0.1:11434/v1",
            [OpenAICompatibleOptions.ModelVariable] = "qwen2.5",
            [OpenAICompatibleOptions.ApiKeyVariable] = "k",
        };

        var options = new OpenAICompatibleOptions().WithEnvironmentDefaults(environment.GetValueOrDefault);

        Assert.Equal(("http://127.0.0.1:11434/v1", "qwen2.5", "k"), (options.BaseUrl?.ToString(), options.Model, options.ApiKey));
        Assert.Null(options.Validate() is null ? "missing" : null);
    }
}
