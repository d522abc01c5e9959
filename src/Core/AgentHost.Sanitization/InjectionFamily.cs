namespace AgentHost.Sanitization;

/// <summary>The families of instruction-like text the injection detector recognises.</summary>
public enum InjectionFamily
{
    /// <summary>Attempts to cancel or replace the model's instructions ("ignore all previous instructions").</summary>
    Override,

    /// <summary>Text addressed to the AI/assistant/model ("note to the AI: ...", "if you are a language model, ...").</summary>
    AddressesModel,

    /// <summary>Attempts to make the model reveal its system prompt or instructions.</summary>
    PromptLeak,

    /// <summary>Attempts to change the model's role or persona ("you are now ...", "pretend you are ...", developer mode).</summary>
    RoleChange,

    /// <summary>Chat-template tokens (<c>&lt;|im_start|&gt;</c>, <c>[INST]</c>, <c>&lt;&lt;SYS&gt;&gt;</c>, ...).</summary>
    ChatTemplate,

    /// <summary>Role labels with instructions (<c>SYSTEM:</c>, <c>### Assistant:</c>, <c>system prompt:</c> lines).</summary>
    RoleLabel,

    /// <summary>XML/HTML tags or comments that carry instructions (<c>&lt;system&gt;</c>, <c>&lt;!-- ... --&gt;</c>, hidden elements).</summary>
    Markup,

    /// <summary>JSON objects that imitate chat messages (<c>{"role": "system", "content": ...}</c>).</summary>
    RoleJson,

    /// <summary>Fake tool calls: <c>tool_use</c>/<c>function_call</c> objects, function-call syntax, tool-call markup.</summary>
    ToolCall,

    /// <summary>Fake conversation turns ("User: ... Assistant: ...").</summary>
    FakeTurn,
}
