using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentHost.Sanitization;

/// <summary>
/// Reads sanitisation settings from a JSON file: the shape of <see cref="SanitizationOptions"/> in camelCase, kinds as
/// names (<c>"card"</c>, <c>"cpf"</c>), unknown properties refused. The per-tool and per-channel settings live here
/// because tool names (<c>crm___*</c>) cannot be environment variable names. Example:
/// <code>
/// { "tools": { "crm___*": { "allowFields": ["investorId"] }, "kb___search": { "injection": false } },
///   "replies": { "channels": { "chat": { "kinds": ["card", "ssn", "cpf", "email"] } } } }
/// </code>
/// </summary>
public static class SanitizationOptionsFile
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON of this shape (the message says where).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SanitizationOptions Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses the JSON text of a settings file.</summary>
    /// <param name="json">The text.</param>
    /// <param name="source">What to call it in error messages.</param>
    /// <exception cref="InvalidDataException">The text is not valid JSON of this shape.</exception>
    public static SanitizationOptions Parse(string json, string source = "the sanitisation settings")
    {
        ArgumentNullException.ThrowIfNull(json);
        SanitizationOptions? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(json, SanitizationOptionsJsonContext.Default.SanitizationOptions);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source} is not valid: {ex.Message}", ex);
        }

        if (parsed is null)
        {
            throw new InvalidDataException($"{source} is empty (null).");
        }

        // Names of tools and channels compare case-insensitively, as documented on the options.
        parsed.Tools = new Dictionary<string, ToolSanitizationOptions>(parsed.Tools, StringComparer.OrdinalIgnoreCase);
        parsed.Replies.Channels = new Dictionary<string, ReplyChannelOptions>(parsed.Replies.Channels, StringComparer.OrdinalIgnoreCase);
        return parsed;
    }
}

/// <summary>Source-generated JSON metadata of the settings file.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SanitizationOptions))]
internal sealed partial class SanitizationOptionsJsonContext : JsonSerializerContext;
