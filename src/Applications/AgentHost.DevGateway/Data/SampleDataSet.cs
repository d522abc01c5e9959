namespace AgentHost.DevGateway.Data;

/// <summary>The shape of the embedded <c>sample-data.json</c> file.</summary>
internal sealed class SampleDataSet
{
    public List<InvestorRecord> Investors { get; set; } = [];
    public List<TradeRecord> Trades { get; set; } = [];
    public List<DocumentRecord> Documents { get; set; } = [];
    public List<CaseRecord> Cases { get; set; } = [];
    public List<TransactionRecord> Transactions { get; set; } = [];
    public List<QuoteRecord> Quotes { get; set; } = [];
    public List<NotificationRecord> Notifications { get; set; } = [];
    public List<CallbackRecord> Callbacks { get; set; } = [];
    public List<EscalationRecord> Escalations { get; set; } = [];
}
