using System.Collections.Frozen;

namespace AgentHost.Models.Offline.Extraction;

/// <summary>Everyday phrases for common enum values ("text message" for <c>sms</c>, "bonds" for <c>fixed_income</c>).</summary>
internal static class EnumSynonyms
{
    public static FrozenDictionary<string, string[]> Default { get; } = new Dictionary<string, string[]>
    {
        ["sms"] = ["text", "text message", "sms"],
        ["email"] = ["email", "e-mail", "by mail"],
        ["push"] = ["push", "app notification"],
        ["post"] = ["post", "by post", "letter", "posted"],
        ["portal"] = ["portal", "online", "website"],
        ["equity"] = ["equity", "equities", "share", "stock"],
        ["fixed_income"] = ["fixed income", "bond", "gilt"],
        ["commodity"] = ["commodity", "commodities", "gold"],
        ["tax_certificate"] = ["tax certificate", "tax cert", "tax document", "tax"],
        ["contract_note"] = ["contract note"],
        ["annual_report"] = ["annual report"],
        ["statement"] = ["statement"],
        ["morning"] = ["morning", "before noon"],
        ["afternoon"] = ["afternoon", "after lunch"],
        ["evening"] = ["evening", "tonight", "after work"],
        ["urgent"] = ["urgent", "urgently", "asap", "immediately", "emergency"],
        ["high"] = ["high priority", "important", "high"],
        ["low"] = ["low priority", "not urgent", "low"],
        ["complaint"] = ["complaint", "complain", "unhappy"],
        ["payments"] = ["payment", "dividend", "paid"],
        ["account_change"] = ["change of address", "account change", "address change"],
        ["fees"] = ["fee", "charge"],
        ["documents"] = ["document"],
        ["trading"] = ["trade", "trading", "order"],
        ["executed"] = ["executed", "filled"],
        ["settled"] = ["settled"],
        ["pending"] = ["pending", "outstanding", "open"],
        ["cancelled"] = ["cancelled", "canceled"],
        ["rejected"] = ["rejected", "failed"],
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
