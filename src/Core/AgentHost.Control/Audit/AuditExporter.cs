using System.Text;
using System.Text.Json;
using AgentHost.Abstractions.Control;

namespace AgentHost.Control.Audit;

/// <summary>Writes audit records as JSON Lines (one record per line, the <see cref="ControlJsonContext"/> form).</summary>
public static class AuditExporter
{
    /// <summary>Writes a session's records to <paramref name="output"/>, one JSON object per line; returns how many.</summary>
    public static async Task<long> ExportAsync(IAuditStore store, string sessionId, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        long count = 0;
        await foreach (var record in store.ReadAsync(sessionId, 1, cancellationToken).ConfigureAwait(false))
        {
            await output.WriteLineAsync(ToJsonLine(record).AsMemory(), cancellationToken).ConfigureAwait(false);
            count++;
        }

        return count;
    }

    /// <summary>One record as one line of JSON.</summary>
    public static string ToJsonLine(AuditRecord record) => JsonSerializer.Serialize(record, ControlJsonContext.Default.AuditRecord);

    /// <summary>Reads a line written by <see cref="ToJsonLine"/>.</summary>
    public static AuditRecord FromJsonLine(string line) =>
        JsonSerializer.Deserialize(line, ControlJsonContext.Default.AuditRecord) ?? throw new FormatException("An audit line is empty.");

    /// <summary>The UTF-8 encoding without a byte-order mark the exports use.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
