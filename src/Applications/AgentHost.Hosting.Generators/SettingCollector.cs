using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AgentHost.Hosting.Generators;

/// <summary>Walks a settings class and its sections (properties of classes declared in source) and reads each setting's declaration.</summary>
internal static class SettingCollector
{
    private const string RangeAttribute = "System.ComponentModel.DataAnnotations.RangeAttribute";
    private const string AllowedValuesAttribute = "System.ComponentModel.DataAnnotations.AllowedValuesAttribute";
    private const string RequiredAttribute = "System.ComponentModel.DataAnnotations.RequiredAttribute";
    private const string SettingAttribute = "AgentHost.Hosting.Configuration.SettingAttribute";

    public static void Collect(INamedTypeSymbol type, string keyPrefix, string accessPrefix, List<SettingModel> settings, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public
                || property.GetMethod is null || property.SetMethod is not { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false })
            {
                continue; // not bound from configuration
            }

            var key = keyPrefix + property.Name;
            var access = accessPrefix + "." + property.Name;
            var kind = Classify(property.Type);
            if (kind == SettingValueKind.Section)
            {
                Collect((INamedTypeSymbol)property.Type, key + ":", access, settings, diagnostics, cancellationToken);
                continue;
            }

            if (kind == SettingValueKind.Unsupported)
            {
                diagnostics.Add(Diagnostic.Create(Diagnostics.UnsupportedType, property.Locations.FirstOrDefault(), key, property.Type.ToDisplayString()));
                continue;
            }

            var setting = new SettingModel(key, access, kind) { Description = DocumentationText.Summary(property, cancellationToken) };
            foreach (var attribute in property.GetAttributes())
            {
                Read(attribute, setting, property, diagnostics);
            }

            settings.Add(setting);
        }
    }

    private static SettingValueKind Classify(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return SettingValueKind.Text;
            case SpecialType.System_Int16 or SpecialType.System_Int32 or SpecialType.System_Int64
                or SpecialType.System_UInt16 or SpecialType.System_UInt32 or SpecialType.System_UInt64:
                return SettingValueKind.Integer;
            case SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                return SettingValueKind.Number;
            case SpecialType.System_Boolean:
                return SettingValueKind.Boolean;
        }

        if (type is not INamedTypeSymbol named)
        {
            return SettingValueKind.Unsupported;
        }

        var definition = named.OriginalDefinition.ToDisplayString();
        if (definition == "System.Collections.Generic.List<T>" && named.TypeArguments[0].SpecialType == SpecialType.System_String)
        {
            return SettingValueKind.List;
        }

        if (definition == "System.Collections.Generic.Dictionary<TKey, TValue>" && named.TypeArguments[0].SpecialType == SpecialType.System_String
            && Classify(named.TypeArguments[1]) is SettingValueKind.Text or SettingValueKind.Integer or SettingValueKind.Number or SettingValueKind.Boolean)
        {
            return SettingValueKind.Map;
        }

        return named.TypeKind == TypeKind.Class && named.Locations.Any(l => l.IsInSource) ? SettingValueKind.Section : SettingValueKind.Unsupported;
    }

    private static void Read(AttributeData attribute, SettingModel setting, IPropertySymbol property, List<Diagnostic> diagnostics)
    {
        switch (attribute.AttributeClass?.ToDisplayString())
        {
            case RangeAttribute:
                if (attribute.ConstructorArguments.Length == 2 && Number(attribute.ConstructorArguments[0]) is { } minimum && Number(attribute.ConstructorArguments[1]) is { } maximum)
                {
                    setting.Minimum = minimum;
                    setting.Maximum = maximum;
                    setting.MinimumIsExclusive = Flag(attribute, "MinimumIsExclusive");
                    setting.MaximumIsExclusive = Flag(attribute, "MaximumIsExclusive");
                }
                else
                {
                    diagnostics.Add(Diagnostic.Create(Diagnostics.UnsupportedRange, property.Locations.FirstOrDefault(), setting.Key));
                }

                break;
            case AllowedValuesAttribute:
                foreach (var value in attribute.ConstructorArguments.SelectMany(a => a.Kind == TypedConstantKind.Array ? a.Values : [a]))
                {
                    setting.AllowedValues.Add(System.Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? string.Empty);
                }

                break;
            case RequiredAttribute:
                setting.Required = true;
                break;
            case SettingAttribute:
                foreach (var named in attribute.NamedArguments)
                {
                    switch (named.Key)
                    {
                        case "Aliases":
                            setting.Aliases.AddRange(named.Value.Values.Select(v => v.Value as string).Where(v => !string.IsNullOrEmpty(v))!);
                            break;
                        case "Secret":
                            setting.Secret = named.Value.Value is true;
                            break;
                        case "Unit":
                            setting.Unit = named.Value.Value as string;
                            break;
                        case "Unset":
                            setting.Unset = named.Value.Value as string;
                            break;
                    }
                }

                break;
        }
    }

    private static double? Number(TypedConstant constant) => constant.Value switch
    {
        int i => i,
        long l => l,
        double d => d,
        float f => f,
        _ => null,
    };

    private static bool Flag(AttributeData attribute, string name) =>
        attribute.NamedArguments.Any(a => a.Key == name && a.Value.Value is true);
}
