using System.Globalization;
using AgentHost.DevGateway.Tools;

namespace AgentHost.DevGateway.Data;

/// <summary>
/// The in-memory state behind the catalog: a fresh copy of the embedded sample data per gateway, changed by
/// write tools so later reads see the change. Callers serialise access through <see cref="Sync"/>.
/// </summary>
internal sealed class ContactCentreStore(SampleDataSet data, TimeProvider time)
{
    private readonly Dictionary<string, int> _counters = new(StringComparer.Ordinal);

    public object Sync { get; } = new();

    public SampleDataSet Data { get; } = data;

    public TimeProvider Time { get; } = time;

    public static ContactCentreStore LoadDefault(TimeProvider time) =>
        new(EmbeddedResources.Read(EmbeddedResources.SampleDataName, SampleDataJsonContext.Default.SampleDataSet), time);

    public InvestorRecord Investor(string investorId) =>
        Data.Investors.Find(i => string.Equals(i.InvestorId, investorId, StringComparison.OrdinalIgnoreCase))
        ?? throw new ToolFailureException($"No investor with id {investorId} was found.");

    /// <summary>Returns the next identifier of a series, e.g. <c>C-1049</c>, continuing after existing ids.</summary>
    public string NextId(string prefix, int width, IEnumerable<string> existing)
    {
        if (!_counters.TryGetValue(prefix, out int last))
        {
            last = existing
                .Select(id => int.TryParse(id.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0)
                .DefaultIfEmpty(0)
                .Max();
        }

        _counters[prefix] = ++last;
        return prefix + last.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
    }
}
