namespace AgentHost.Sanitization;

/// <summary>Reply masking for one channel (configuration section <c>Sanitization:Replies:Channels:&lt;channel&gt;</c>).</summary>
public sealed class ReplyChannelOptions
{
    /// <summary>Whether replies on this channel are masked. Default: null (the global setting).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The kinds masked on this channel. Default: null (the global list).</summary>
    public IList<PiiKind>? Kinds { get; set; }
}
