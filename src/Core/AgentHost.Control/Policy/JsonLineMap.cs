using System.Globalization;
using System.Text.Json;

namespace AgentHost.Control.Policy;

/// <summary>
/// The line of every value and member of a JSON document, by path (<c>rules[1].when[0].op</c>), so that a problem found
/// after parsing can name its line. Built with one pass of <see cref="Utf8JsonReader"/>.
/// </summary>
internal sealed class JsonLineMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    private JsonLineMap()
    {
    }

    /// <summary>Maps <paramref name="utf8"/> (valid JSON, comments and trailing commas allowed).</summary>
    public static JsonLineMap Build(ReadOnlySpan<byte> utf8, JsonReaderOptions options)
    {
        var map = new JsonLineMap();
        var newlines = new List<long>();
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                newlines.Add(i);
            }
        }

        int LineAt(long offset)
        {
            var index = newlines.BinarySearch(offset);
            return (index < 0 ? ~index : index) + 1;
        }

        var reader = new Utf8JsonReader(utf8, options);
        var frames = new Stack<Frame>();
        string? pendingMember = null;
        while (reader.Read())
        {
            var line = LineAt(reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var parent = frames.Peek().Path;
                    pendingMember = parent.Length == 0 ? reader.GetString()! : parent + "." + reader.GetString();
                    map._lines.TryAdd(pendingMember, line);
                    break;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    var path = frames.Count == 0 ? string.Empty : ValuePath(frames, ref pendingMember);
                    map._lines.TryAdd(path, line);
                    frames.Push(new Frame(path, reader.TokenType == JsonTokenType.StartArray));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    frames.Pop();
                    break;
                default:
                    if (frames.Count > 0)
                    {
                        map._lines.TryAdd(ValuePath(frames, ref pendingMember), line);
                    }

                    break;
            }
        }

        return map;
    }

    /// <summary>The line of <paramref name="path"/>, or of its nearest mapped parent, or 0.</summary>
    public int LineOf(string path)
    {
        for (var current = path; ; current = Parent(current))
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }

            if (current.Length == 0)
            {
                return 0;
            }
        }
    }

    private static string ValuePath(Stack<Frame> frames, ref string? pendingMember)
    {
        var frame = frames.Peek();
        if (!frame.IsArray)
        {
            var member = pendingMember ?? frame.Path;
            pendingMember = null;
            return member;
        }

        return frame.Path + "[" + (frame.Count++).ToString(CultureInfo.InvariantCulture) + "]";
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Count { get; set; }
    }
}
