using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AgentHost.Sanitization.Pii;

namespace AgentHost.Sanitization.Json;

/// <summary>
/// Sanitises a JSON tool result: walks it with <see cref="Utf8JsonReader"/>, sanitises every string value (and masks
/// numbers that are personal data), and splices the changed values into the original text, so the structure, the
/// formatting and every untouched character stay exactly as they were. Objects that imitate chat messages
/// (<c>{"role": "system", "content": ...}</c>) lose their content, and tool-call objects (<c>{"tool_use": ...}</c>,
/// <c>{"type": "tool_use", "name": ...}</c>) are replaced by the placeholder.
/// </summary>
internal sealed class JsonResultSanitizer
{
    private static readonly HashSet<string> ToolCallKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "tool_use", "tool_uses", "tool_calls", "tool_call", "function_call", "function_calls", "functionCall", "toolUse", "toolCalls",
    };

    private static readonly HashSet<string> ContentKeys = new(StringComparer.OrdinalIgnoreCase) { "content", "text", "prompt", "instructions", "message" };

    private readonly TextSanitizer _text;
    private readonly string _placeholder;

    public JsonResultSanitizer(TextSanitizer text, string placeholder)
    {
        _text = text;
        _placeholder = placeholder;
    }

    /// <summary>Sanitises <paramref name="json"/>; false when it is not valid JSON.</summary>
    public bool TrySanitize(string json, ToolPolicy policy, List<SanitizationFinding> findings, out string result)
    {
        result = json;
        var byteCount = Encoding.UTF8.GetByteCount(json);
        var bytes = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var length = Encoding.UTF8.GetBytes(json, bytes);
            var walk = new Walk(this, policy, findings, bytes.AsSpan(0, length));
            if (!walk.Run(out var replacements))
            {
                return false;
            }

            if (replacements.Count > 0)
            {
                result = Splice(bytes.AsSpan(0, length), replacements);
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    private static string Splice(ReadOnlySpan<byte> source, List<Replacement> replacements)
    {
        replacements.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var output = new ArrayBufferWriter<byte>(source.Length + 64);
        var position = 0;
        foreach (var replacement in replacements)
        {
            if (replacement.Start < position)
            {
                continue; // inside a larger replacement (a tool-call object that was removed whole)
            }

            output.Write(source[position..replacement.Start]);
            output.Write(replacement.Json);
            position = replacement.End;
        }

        output.Write(source[position..]);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static byte[] EncodeString(string value)
    {
        var encoded = JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes;
        var bytes = new byte[encoded.Length + 2];
        bytes[0] = (byte)'"';
        encoded.CopyTo(bytes.AsSpan(1));
        bytes[^1] = (byte)'"';
        return bytes;
    }

    private readonly record struct Replacement(int Start, int End, byte[] Json);

    private sealed class Frame
    {
        public bool IsArray { get; init; }

        public int Start { get; init; }

        public string? Segment { get; init; }

        public string? Property { get; init; }

        public int Index { get; set; }

        public bool SystemRole { get; set; }

        public (int Start, int End, string Path)? Content { get; set; }

        public bool ToolCallType { get; set; }

        public bool FunctionType { get; set; }

        public int ToolParts { get; set; }
    }

    private ref struct Walk
    {
        private readonly JsonResultSanitizer _owner;
        private readonly ToolPolicy _policy;
        private readonly List<SanitizationFinding> _findings;
        private readonly ReadOnlySpan<byte> _json;
        private readonly List<Frame> _frames;
        private readonly List<Replacement> _replacements;
        private string? _property;

        public Walk(JsonResultSanitizer owner, ToolPolicy policy, List<SanitizationFinding> findings, ReadOnlySpan<byte> json)
        {
            _owner = owner;
            _policy = policy;
            _findings = findings;
            _json = json;
            _frames = [];
            _replacements = [];
            _property = null;
        }

        public bool Run(out List<Replacement> replacements)
        {
            replacements = _replacements;
            var reader = new Utf8JsonReader(_json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
            try
            {
                while (reader.Read())
                {
                    Step(ref reader);
                }

                return reader.BytesConsumed > 0 && _frames.Count == 0;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private void Step(ref Utf8JsonReader reader)
        {
            var top = _frames.Count > 0 ? _frames[^1] : null;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    _property = reader.GetString();
                    return;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    if (_property is not null && ToolCallKeys.Contains(_property))
                    {
                        var start = (int)reader.TokenStartIndex;
                        var path = PathOfValue();
                        reader.Skip();
                        RemoveToolCall(start, (int)reader.BytesConsumed, path);
                        EndValue(top);
                        return;
                    }

                    _frames.Add(new Frame
                    {
                        IsArray = reader.TokenType == JsonTokenType.StartArray,
                        Start = (int)reader.TokenStartIndex,
                        Segment = top is null ? string.Empty : top.IsArray ? Index(top.Index) : "." + _property,
                        Property = top is { IsArray: true } ? top.Property : _property,
                    });
                    _property = null;
                    return;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    _frames.RemoveAt(_frames.Count - 1);
                    if (top is not null && !top.IsArray)
                    {
                        CloseObject(top, (int)reader.BytesConsumed);
                    }

                    EndValue(_frames.Count > 0 ? _frames[^1] : null);
                    return;
                case JsonTokenType.String:
                    OnString(ref reader, top);
                    EndValue(top);
                    return;
                case JsonTokenType.Number:
                    OnNumber(ref reader, top);
                    EndValue(top);
                    return;
                default:
                    EndValue(top);
                    return;
            }
        }

        private void EndValue(Frame? top)
        {
            if (top is { IsArray: true })
            {
                top.Index++;
            }

            _property = null;
        }

        private readonly string FieldName(Frame? top) => _property ?? (top is { IsArray: true } ? top.Property : null) ?? string.Empty;

        private void OnString(ref Utf8JsonReader reader, Frame? top)
        {
            var start = (int)reader.TokenStartIndex;
            var end = (int)reader.BytesConsumed;
            var value = reader.GetString() ?? string.Empty;
            var property = _property;
            if (top is { IsArray: false } && property is not null)
            {
                if (property.Equals("role", StringComparison.OrdinalIgnoreCase) && value.Trim() is var role
                    && (role.Equals("system", StringComparison.OrdinalIgnoreCase) || role.Equals("developer", StringComparison.OrdinalIgnoreCase)))
                {
                    top.SystemRole = true;
                }
                else if (property.Equals("type", StringComparison.OrdinalIgnoreCase))
                {
                    top.ToolCallType |= value is "tool_use" or "tool_call" or "function_call";
                    top.FunctionType |= value == "function";
                }
                else if (property is "name" or "input" or "arguments" or "function" or "parameters")
                {
                    top.ToolParts++;
                }

                if (ToolCallKeys.Contains(property))
                {
                    RemoveToolCall(start, end, PathOfValue());
                    return;
                }
            }

            var field = FieldName(top);
            var allowed = _policy.PiiKinds != 0 && _policy.Allows(field, _policy.HasAllowedPaths ? PathOfValue() : null);
            var before = _findings.Count;
            var sanitized = _owner._text.Sanitize(value, _policy.Injection, allowed ? 0 : _policy.PiiKinds, FieldHints.Of(field), string.Empty, _findings);
            string? path = null;
            if (_findings.Count > before)
            {
                path = PathOfValue();
                SetPath(before, path);
            }

            if (top is { IsArray: false } && property is not null && ContentKeys.Contains(property))
            {
                top.Content = (start, end, path ?? PathOfValue());
            }

            if (!ReferenceEquals(sanitized, value))
            {
                _replacements.Add(new Replacement(start, end, EncodeString(sanitized)));
            }
        }

        private void OnNumber(ref Utf8JsonReader reader, Frame? top)
        {
            if (_policy.PiiKinds == 0 || reader.ValueSpan.Length < 9)
            {
                if (top is { IsArray: false } && _property is "name" or "input" or "arguments")
                {
                    top.ToolParts++;
                }

                return;
            }

            var field = FieldName(top);
            if (_policy.Allows(field, _policy.HasAllowedPaths ? PathOfValue() : null))
            {
                return;
            }

            var raw = Encoding.UTF8.GetString(reader.ValueSpan);
            var before = _findings.Count;
            var sanitized = _owner._text.Sanitize(raw, injection: false, _policy.PiiKinds, FieldHints.Of(field), string.Empty, _findings);
            if (_findings.Count > before)
            {
                SetPath(before, PathOfValue());
            }
            if (!ReferenceEquals(sanitized, raw))
            {
                _replacements.Add(new Replacement((int)reader.TokenStartIndex, (int)reader.BytesConsumed, EncodeString(sanitized)));
            }
        }

        private readonly void SetPath(int from, string path)
        {
            for (var i = from; i < _findings.Count; i++)
            {
                _findings[i] = _findings[i] with { Path = path };
            }
        }

        private void CloseObject(Frame frame, int end)
        {
            if (frame.ToolCallType || (frame.FunctionType && frame.ToolParts >= 2))
            {
                RemoveToolCall(frame.Start, end, PathOf(frame));
                return;
            }

            if (frame.SystemRole && frame.Content is { } content)
            {
                _replacements.Add(new Replacement(content.Start, content.End, EncodeString(_owner._placeholder)));
                _findings.RemoveAll(f => f.Path == content.Path);
                _findings.Add(new SanitizationFinding(FindingKind.Injection, "injection.role-json", content.Path, 0, 0) { Family = InjectionFamily.RoleJson });
            }
        }

        private void RemoveToolCall(int start, int end, string path)
        {
            _replacements.Add(new Replacement(start, end, EncodeString(_owner._placeholder)));
            _findings.RemoveAll(f => f.Path.StartsWith(path, StringComparison.Ordinal));
            _findings.Add(new SanitizationFinding(FindingKind.Injection, "injection.tool-call", path, 0, 0) { Family = InjectionFamily.ToolCall });
        }

        private readonly string PathOfValue()
        {
            var builder = new StringBuilder("$");
            foreach (var frame in _frames)
            {
                builder.Append(frame.Segment);
            }

            if (_frames.Count > 0)
            {
                var top = _frames[^1];
                builder.Append(top.IsArray ? Index(top.Index) : "." + _property);
            }

            return builder.ToString();
        }

        private readonly string PathOf(Frame target)
        {
            var builder = new StringBuilder("$");
            foreach (var frame in _frames)
            {
                builder.Append(frame.Segment);
            }

            builder.Append(target.Segment);
            return builder.ToString();
        }

        private static string Index(int index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
    }
}
