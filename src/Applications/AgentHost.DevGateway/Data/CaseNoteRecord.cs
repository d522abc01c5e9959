namespace AgentHost.DevGateway.Data;

/// <summary>A note on a case.</summary>
internal sealed class CaseNoteRecord
{
    public required string Author { get; set; }
    public required string Text { get; set; }
    public required string CreatedOn { get; set; }
}
