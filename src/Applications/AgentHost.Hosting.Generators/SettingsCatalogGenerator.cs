using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AgentHost.Hosting.Generators;

/// <summary>
/// For a <c>static partial class</c> marked <c>[SettingsCatalog(typeof(Root))]</c>, writes <c>CreateDescriptors()</c>: one
/// <c>SettingDescriptor</c> per bindable property under <c>Root</c> (sections recursed), with its key, getter, aliases,
/// range, allowed values, secrecy, unit and documentation summary, as declared on the property.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class SettingsCatalogGenerator : IIncrementalGenerator
{
    private const string CatalogAttribute = "AgentHost.Hosting.Configuration.SettingsCatalogAttribute";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var catalogs = context.SyntaxProvider.ForAttributeWithMetadataName(
            CatalogAttribute,
            static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
            static (attributeContext, cancellationToken) =>
            {
                var catalog = (INamedTypeSymbol)attributeContext.TargetSymbol;
                var diagnostics = new List<Diagnostic>();
                var settings = new List<SettingModel>();
                var attribute = attributeContext.Attributes[0];
                if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is INamedTypeSymbol root)
                {
                    SettingCollector.Collect(root, string.Empty, string.Empty, settings, diagnostics, cancellationToken);
                }

                var accessibility = catalog.DeclaredAccessibility == Accessibility.Public ? "public" : "internal";
                var source = CatalogWriter.Write(catalog.ContainingNamespace.IsGlobalNamespace ? null : catalog.ContainingNamespace.ToDisplayString(), catalog.Name, accessibility, settings);
                return new CatalogSource(catalog.Name + ".g.cs", source, diagnostics.ToImmutableArray());
            });

        context.RegisterSourceOutput(catalogs, static (output, catalog) =>
        {
            foreach (var diagnostic in catalog.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic);
            }

            output.AddSource(catalog.HintName, catalog.Source);
        });
    }

    private sealed class CatalogSource(string hintName, string source, ImmutableArray<Diagnostic> diagnostics)
    {
        public string HintName { get; } = hintName;

        public string Source { get; } = source;

        public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;

        public override bool Equals(object? obj) =>
            obj is CatalogSource other && other.HintName == HintName && other.Source == Source && other.Diagnostics.SequenceEqual(Diagnostics);

        public override int GetHashCode() => Source.GetHashCode();
    }
}
