namespace AgentHost.Sanitization.Pii;

/// <summary>A personal-data value found in a text: its span, kind and normalised value (digits; upper-case IBAN; lower-case e-mail).</summary>
internal readonly record struct PiiMatch(int Start, int End, PiiKind Kind, string Canonical);
