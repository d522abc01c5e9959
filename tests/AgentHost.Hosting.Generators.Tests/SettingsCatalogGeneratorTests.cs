namespace AgentHost.Hosting.Generators.Tests;

public sealed class SettingsCatalogGeneratorTests
{
    [Fact]
    public void Run_SettingsWithSectionsAndDeclarations_WritesOneDescriptorPerSettingWithItsDeclaration()
    {
        var (source, diagnostics) = GeneratorRun.Run("""
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using AgentHost.Hosting.Configuration;

            namespace Sample;

            [SettingsCatalog(typeof(Root))]
            public static partial class Catalog;

            public sealed class Root
            {
                /// <summary>The limits.</summary>
                public Limits Limits { get; set; } = new();

                /// <summary>Who answers: <c>auto</c> or <see cref="Root.Limits"/>.</summary>
                [AllowedValues("auto", "bedrock")]
                [Setting(Aliases = ["SAMPLE_PROVIDER", "OLD_PROVIDER"])]
                public string Provider { get; set; } = "auto";

                /// <summary>A token.</summary>
                [Setting(Secret = true)]
                public string? Token { get; set; }

                /// <summary>Names, trimmed.</summary>
                public List<string> Names { get; set; } = [];

                /// <summary>Not a setting (read only).</summary>
                public string Computed => "x";

                /// <summary>Not a setting (internal setter).</summary>
                public IReadOnlyList<string> Warnings { get; internal set; } = [];
            }

            public sealed class Limits
            {
                /// <summary>Timeout.</summary>
                [Range(0d, 3600d, MinimumIsExclusive = true)]
                [Setting(Unit = "seconds")]
                public Dictionary<string, double> Timeouts { get; set; } = new();

                /// <summary>Cycles.</summary>
                [Range(1, 1000)]
                [Required]
                public int? Cycles { get; set; }
            }
            """);

        Assert.Empty(diagnostics);
        Assert.Contains("""SettingDescriptor("Limits:Timeouts", global::AgentHost.Hosting.Configuration.SettingKind.Map, static s => s.Limits.Timeouts)""", source, StringComparison.Ordinal);
        Assert.Contains("Minimum = 0d,\n            Maximum = 3600d,\n            MinimumIsExclusive = true,\n            Unit = \"seconds\",", source.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("""SettingDescriptor("Limits:Cycles", global::AgentHost.Hosting.Configuration.SettingKind.Integer, static s => s.Limits.Cycles)""", source, StringComparison.Ordinal);
        Assert.Contains("Required = true,", source, StringComparison.Ordinal);
        Assert.Contains("""Aliases = ["SAMPLE_PROVIDER", "OLD_PROVIDER"],""", source, StringComparison.Ordinal);
        Assert.Contains("""AllowedValues = ["auto", "bedrock"],""", source, StringComparison.Ordinal);
        Assert.Contains("""Description = "Who answers: auto or Root.Limits.",""", source, StringComparison.Ordinal);
        Assert.Contains("Secret = true,", source, StringComparison.Ordinal);
        Assert.Contains("""SettingDescriptor("Names", global::AgentHost.Hosting.Configuration.SettingKind.List""", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Computed", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Warnings", source, StringComparison.Ordinal);
        Assert.Contains("public static partial class Catalog", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_PropertyOfAnUnsupportedType_ReportsAHSG001NamingTheKey()
    {
        var (_, diagnostics) = GeneratorRun.Run("""
            using AgentHost.Hosting.Configuration;

            [SettingsCatalog(typeof(Root))]
            public static partial class Catalog;

            public sealed class Root
            {
                /// <summary>An endpoint.</summary>
                public System.Uri? Endpoint { get; set; }
            }
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("AHSG001", diagnostic.Id);
        Assert.Contains("'Endpoint'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RangeGivenAsTypeAndStrings_ReportsAHSG002()
    {
        var (_, diagnostics) = GeneratorRun.Run("""
            using System.ComponentModel.DataAnnotations;
            using AgentHost.Hosting.Configuration;

            [SettingsCatalog(typeof(Root))]
            public static partial class Catalog;

            public sealed class Root
            {
                /// <summary>A date.</summary>
                [Range(typeof(decimal), "0", "1")]
                public decimal Ratio { get; set; }
            }
            """);

        Assert.Equal("AHSG002", Assert.Single(diagnostics).Id);
    }
}
