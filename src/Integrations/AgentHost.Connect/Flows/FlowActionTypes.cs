namespace AgentHost.Connect.Flows;

/// <summary>
/// The action types of Connect's flow language (version 2019-10-30) that the linter knows, from the flow language reference
/// (contact, flow control, interaction and participant actions). An unknown type is a warning, not an error: Connect adds
/// action types over time.
/// </summary>
public static class FlowActionTypes
{
    /// <summary>Actions that end the flow: they need no <c>NextAction</c> and no error branch.</summary>
    public static readonly IReadOnlySet<string> Terminal = new HashSet<string>(StringComparer.Ordinal)
    {
        "DisconnectParticipant", "EndFlowExecution", "EndFlowModuleExecution", "TransferToFlow", "TransferContactToQueue",
    };

    /// <summary>Actions that cannot fail and have no error branches in the flow language.</summary>
    public static readonly IReadOnlySet<string> WithoutErrors = new HashSet<string>(StringComparer.Ordinal)
    {
        "UpdateFlowLoggingBehavior", "UpdateContactTextToSpeechVoice", "UpdateContactRecordingBehavior",
    };

    /// <summary>Every known type.</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        // Contact actions
        "CompleteOutboundCall", "CreateCase", "CreateTask", "CreateWisdomSession", "DequeueContactAndTransferToQueue",
        "EndFlowModuleExecution", "GetCase", "InvokeFlowModule", "TagContact", "TransferContactToAgent", "TransferContactToQueue",
        "UnTagContact", "UpdateCase", "UpdateContactAttributes", "UpdateContactCallbackNumber", "UpdateContactData",
        "UpdateContactEventHooks", "UpdateContactMediaStreamingBehavior", "UpdateContactRecordingBehavior", "ResumeContact",
        "UpdateContactRoutingBehavior", "UpdateContactTargetQueue", "UpdateContactTextToSpeechVoice",
        "UpdatePreviousContactParticipantState", "UpdateContactRecordingAndAnalyticsBehavior", "UpdateContactMediaProcessing",

        // Flow control actions
        "CheckHoursOfOperation", "CheckMetricData", "CheckOutboundCallStatus", "CheckVoiceId", "Compare", "DistributeByPercentage",
        "EndFlowExecution", "GetMetricData", "Loop", "StartVoiceIdStream", "TransferToFlow", "UpdateFlowAttributes",
        "UpdateFlowLoggingBehavior", "UpdateRoutingCriteria", "Wait",

        // Interactions
        "InvokeLambdaFunction", "InvokeExternalResource", "CreateCustomerProfile", "GetCustomerProfile", "UpdateCustomerProfile",
        "AssociateContactToCustomerProfile", "GetCustomerProfileObject", "GetCalculatedAttributesForCustomerProfile",

        // Participant actions
        "ConnectParticipantWithLexBot", "DisconnectParticipant", "GetParticipantInput", "MessageParticipant",
        "MessageParticipantIteratively", "ShowView", "TransferParticipantToThirdParty", "AuthenticateParticipant",
    };
}
