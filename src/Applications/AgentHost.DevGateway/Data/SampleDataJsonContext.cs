using System.Text.Json.Serialization;
using AgentHost.DevGateway.Catalog;

namespace AgentHost.DevGateway.Data;

/// <summary>Source-generated JSON metadata for the embedded data files and tool results.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(SampleDataSet))]
[JsonSerializable(typeof(CatalogFile))]
internal sealed partial class SampleDataJsonContext : JsonSerializerContext;
