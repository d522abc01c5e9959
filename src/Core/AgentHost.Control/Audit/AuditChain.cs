using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using AgentHost.Abstractions.Control;

namespace AgentHost.Control.Audit;

/// <summary>
/// The hash chain of audit records: the canonical form of a record (every member but <see cref="AuditRecord.Hash"/>, in a
/// fixed order, as compact JSON) and its SHA-256. Version 1 of the form; a new form would be a new version.
/// </summary>
public static class AuditChain
{
    /// <summary>The <see cref="AuditRecord.PreviousHash"/> of a session's first record: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>The ISO-8601 UTC form of <see cref="AuditRecord.At"/> used by the canonical form and the exports (7 fractional digits).</summary>
    public static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Computes the hash a record must carry.</summary>
    public static string ComputeHash(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", 1);
            writer.WriteString("sessionId", record.SessionId);
            writer.WriteNumber("sequence", record.Sequence);
            writer.WriteString("at", FormatTime(record.At));
            writer.WriteString("kind", record.Kind);
            writer.WriteString("actor", record.Actor);
            WriteOptional(writer, "turnId", record.TurnId);
            WriteOptional(writer, "toolName", record.ToolName);
            WriteOptional(writer, "callId", record.CallId);
            WriteOptional(writer, "argumentsHash", record.ArgumentsHash);
            WriteOptional(writer, "resultHash", record.ResultHash);
            WriteOptional(writer, "status", record.Status);
            if (record.DurationMs is { } duration)
            {
                writer.WriteString("durationMs", duration.ToString("R", CultureInfo.InvariantCulture));
            }

            WriteOptional(writer, "summary", record.Summary);
            if (record.Details is { Count: > 0 } details)
            {
                writer.WriteStartObject("details");
                foreach (var key in details.Keys.OrderBy(k => k, StringComparer.Ordinal))
                {
                    writer.WriteString(key, details[key]);
                }

                writer.WriteEndObject();
            }

            writer.WriteString("previousHash", record.PreviousHash);
            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>Builds the next record of a chain from an entry: sequence, time, previous hash and hash.</summary>
    public static AuditRecord Seal(AuditEntry entry, long sequence, DateTimeOffset at, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = new AuditRecord
        {
            SessionId = entry.SessionId,
            Sequence = sequence,
            At = at.ToUniversalTime(),
            Kind = entry.Kind,
            Actor = entry.Actor,
            TurnId = entry.TurnId,
            ToolName = entry.ToolName,
            CallId = entry.CallId,
            ArgumentsHash = entry.ArgumentsHash,
            ResultHash = entry.ResultHash,
            Status = entry.Status,
            DurationMs = entry.DurationMs,
            Summary = entry.Summary,
            Details = entry.Details is { Count: > 0 } details ? new Dictionary<string, string>(details, StringComparer.Ordinal) : null,
            PreviousHash = previousHash,
            Hash = string.Empty,
        };
        return record with { Hash = ComputeHash(record) };
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
