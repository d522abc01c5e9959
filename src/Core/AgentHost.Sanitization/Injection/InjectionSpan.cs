namespace AgentHost.Sanitization.Injection;

/// <summary>A span of the original text to remove.</summary>
internal readonly record struct InjectionSpan(int Start, int End, InjectionFamily Family, bool Obfuscated);
