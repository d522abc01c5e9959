using System.Collections.Immutable;
using AgentHost.Hosting.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AgentHost.Hosting.Generators.Tests;

/// <summary>Runs the settings catalog generator over a snippet compiled against the framework, with stand-ins for the Hosting attributes.</summary>
internal static class GeneratorRun
{
    private const string Attributes = """
        namespace AgentHost.Hosting.Configuration
        {
            [System.AttributeUsage(System.AttributeTargets.Property)]
            public sealed class SettingAttribute : System.Attribute
            {
                public string[] Aliases { get; set; } = [];
                public bool Secret { get; set; }
                public string? Unit { get; set; }
                public string? Unset { get; set; }
            }

            [System.AttributeUsage(System.AttributeTargets.Class)]
            internal sealed class SettingsCatalogAttribute(System.Type root) : System.Attribute
            {
                public System.Type Root { get; } = root;
            }
        }
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))]);

    /// <summary>The generated catalog source (empty when none) and the generator's diagnostics.</summary>
    public static (string Source, ImmutableArray<Diagnostic> Diagnostics) Run(string settingsCode)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(Attributes, parse), CSharpSyntaxTree.ParseText(settingsCode, parse)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var driver = CSharpGeneratorDriver.Create([new SettingsCatalogGenerator().AsSourceGenerator()], parseOptions: parse);
        var result = driver.RunGenerators(compilation, TestContext.Current.CancellationToken).GetRunResult();
        var generated = result.Results.Single();
        Assert.Null(generated.Exception);
        return (string.Join("\n", generated.GeneratedSources.Select(s => s.SourceText.ToString())), generated.Diagnostics);
    }
}
