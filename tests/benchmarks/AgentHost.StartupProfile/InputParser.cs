using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Text.RegularExpressions;

namespace AgentHost.StartupProfile;

sealed class ResolveException(string message) : Exception(message);

/// <summary>
/// Parses one input line (a perf-map line, or the same text without address/size/return type) and resolves it
/// against the assembly set.
///
///   [0xADDR SIZE] [return-type] [Assembly] Declaring.Type`1[Arg1,Arg2]::Method[MArg1,MArg2](param,types)[Optimized]
///
/// Type names use the perf-map/reflection syntax: '+' for nesting, `N arity, generic arguments in [...] (each may be
/// prefixed by [Assembly] to disambiguate), suffixes [] [,] * &amp;. System.__Canon means the shared canonical form.
/// The method instantiation "[MArg...]" after the name is an extension (perf maps do not print it); the parameter
/// list is optional ("Method" alone selects all overloads of that name; "(...)" selects by normalised text or count).
/// </summary>
sealed partial class InputParser(AssemblySet set)
{
    [GeneratedRegex(@"(?:^|\s)\[([^\]\s]+)\]\s+(\S.*)$")]
    private static partial Regex AsmAndRest();

    public static readonly string[] Suffixes = ["[Optimized]", "[PreJIT]", "[QuickJitted]", "[OptimizedTier1]", "[Tier0]", "[Tier1]", "[Instrumented]", "[OSR]", "[MinOptJitted]", "[Interpreted]"];

    public IEnumerable<(ResolvedMethod Method, string? Note)> Resolve(string line)
    {
        var text = line.Trim();
        foreach (var s in Suffixes)
            if (text.EndsWith(s, StringComparison.Ordinal)) { text = text[..^s.Length]; break; }
        // strip "0xADDR SIZE " of perf maps
        var m0 = Regex.Match(text, @"^0x[0-9a-fA-F]+\s+[0-9a-fA-F]+\s+");
        if (m0.Success) text = text[m0.Length..];

        bool jitFormat = false;
        var js = Regex.Match(text, @"^\s*(?:\d+:\s*)?JIT compiled\s+(.*?)(?:\s+\[[^\]]*(?:Tier|Opts|Instrumented|OSR|MinOpt)[^\]]*\])?\s*$");
        if (js.Success)
        {
            // DOTNET_JitStdOutFile + DOTNET_JitDisasmSummary=1 format: Type:Method[MArgs](params) [Tier...]
            jitFormat = true;
            var body = js.Groups[1].Value;
            int colon = FindTypeMethodColon(body);
            if (colon < 0) throw new ResolveException("no ':' separating type and method");
            text = body[..colon] + "::" + body[(colon + 1)..];
        }

        string? asmName = null;
        var m = jitFormat ? Match.Empty : AsmAndRest().Match(text);
        string rest;
        if (m.Success) { asmName = m.Groups[1].Value; rest = m.Groups[2].Value; }
        else rest = text;

        int sep = rest.IndexOf("::", StringComparison.Ordinal);
        if (sep < 0) throw new ResolveException("no '::' separating type and method");
        var typeText = rest[..sep];
        var methodText = rest[(sep + 2)..];
        if (typeText.StartsWith("dynamicClass", StringComparison.Ordinal) || typeText.StartsWith("(dynamicClass)", StringComparison.Ordinal) || methodText.Contains("IL_STUB", StringComparison.Ordinal))
            throw new ResolveException("dynamic method / stub (no metadata)");

        int paren = methodText.IndexOf('(');
        string namePart = paren < 0 ? methodText : methodText[..paren];
        string? paramText = null;
        if (paren >= 0)
        {
            int close = methodText.LastIndexOf(')');
            if (close < paren) throw new ResolveException("unbalanced parameter list");
            paramText = methodText[(paren + 1)..close];
        }
        ImmutableArray<TSig> methodInst = default;
        int br = namePart.IndexOf('[');
        string methodName = namePart;
        if (br > 0 && namePart.EndsWith(']'))
        {
            methodName = namePart[..br];
            int p = br;
            methodInst = ParseArgList(namePart, ref p);
        }

        int pos = 0;
        var declType = ParseType(typeText, ref pos, asmName, allowPrimitive: false);
        if (pos != typeText.Length) throw new ResolveException($"trailing text in type name at {pos}: '{typeText[pos..]}'");
        if (asmName == null)
        {
            // the same full name can exist in several assemblies (<PrivateImplementationDetails>, <>z__ReadOnlyArray`1 ...):
            // take the first definition that has the method
            var baseDef = declType is GenericInstSig g0 ? g0.Def : (NamedSig)declType;
            var defs = set.FindType(baseDef.FullName, null);
            if (defs.Count > 1)
            {
                var ok = defs.Where(d => d.Asm.MD.GetTypeDefinition(d.Handle).GetMethods().Any(h => d.Asm.MD.GetString(d.Asm.MD.GetMethodDefinition(h).Name) == methodName)).ToList();
                if (ok.Count > 1) throw new ResolveException($"type {baseDef.FullName} with method {methodName} exists in {ok.Count} assemblies ({string.Join(", ", ok.Select(o => o.Asm.Name))}): prefix the line with [Assembly]");
                if (ok.Count == 1)
                {
                    var nd = set.Named(ok[0].Asm, ok[0].Handle);
                    declType = declType is GenericInstSig g1 ? new GenericInstSig(nd, g1.Args) : nd;
                }
            }
        }

        NamedSig def = declType switch
        {
            NamedSig n => n,
            GenericInstSig g => g.Def,
            _ => throw new ResolveException("declaring type is not a named type"),
        };
        var (asm, handle) = Lookup(def);
        var md = asm.MD;
        var td = md.GetTypeDefinition(handle);
        int typeArity = td.GetGenericParameters().Count;
        int givenArity = declType is GenericInstSig gi ? gi.Args.Length : 0;
        if (typeArity != givenArity)
            throw new ResolveException($"type {def.FullName} has {typeArity} generic parameters, {givenArity} given");

        var provider = new SigProvider(set, asm);
        var candidates = new List<(MethodDefinition Def, MethodSignature<TSig> Sig)>();
        foreach (var mh in td.GetMethods())
        {
            var md2 = md.GetMethodDefinition(mh);
            if (md.GetString(md2.Name) != methodName) continue;
            candidates.Add((md2, md2.DecodeSignature(provider, null)));
        }
        if (candidates.Count == 0) throw new ResolveException($"no method '{methodName}' on {def.FullName} in {asm.Name}");

        if (!methodInst.IsDefault)
        {
            var byArity = candidates.Where(c => c.Sig.GenericParameterCount == methodInst.Length).ToList();
            if (byArity.Count > 0) candidates = byArity;
        }
        if (paramText != null)
        {
            var wanted = Normalise(paramText);
            int count = CountTopLevelParams(paramText);
            var exact = candidates.Where(c => Normalise(string.Join(",", c.Sig.ParameterTypes.Select(p => p.Render()))) == wanted).ToList();
            if (exact.Count == 0 && jitFormat)
            {
                var shape = Shape(SplitTopLevel(paramText).Select(p => p.Trim() switch { "byref" => "&", "ptr" => "*", _ => p.Trim().EndsWith('*') ? "*" : "v" }));
                var byShape = candidates.Where(c => c.Sig.ParameterTypes.Length == count && Shape(c.Sig.ParameterTypes.Select(KindOf)) == shape).ToList();
                if (byShape.Count == 1) exact = byShape;
            }
            if (exact.Count == 0)
            {
                exact = candidates.Where(c => c.Sig.ParameterTypes.Length == count).ToList();
                if (exact.Count > 1) throw new ResolveException($"{exact.Count} overloads of {methodName} with {count} parameters and none matches '{paramText}' textually");
            }
            candidates = exact;
            if (candidates.Count == 0) throw new ResolveException($"no overload of {methodName} with parameters '{paramText}'");
        }

        foreach (var (mdef, sig) in candidates)
        {
            string? note = null;
            int mArity = sig.GenericParameterCount;
            int mGiven = methodInst.IsDefault ? 0 : methodInst.Length;
            if (mArity != mGiven)
                throw new ResolveException(mGiven == 0
                    ? $"generic method with {mArity} type parameter(s): the instantiation is needed (perf maps do not print it); write {methodName}[T1,...](...)"
                    : $"method has {mArity} generic parameters, {mGiven} given");
            if ((mdef.ImplAttributes & MethodImplAttributes.AggressiveOptimization) != 0)
                note = "AggressiveOptimization: crossgen2 never precompiles it (kept in the file anyway)";
            if ((mdef.Attributes & MethodAttributes.Abstract) != 0)
                throw new ResolveException("abstract method has no body");
            yield return (new ResolvedMethod(declType, methodName, sig, methodInst.IsDefault ? [] : methodInst, asm.Name), note);
        }
    }

    public (AssemblySet.Asm, TypeDefinitionHandle) Lookup(NamedSig n)
    {
        var found = set.FindType(n.FullName, n.Assembly);
        if (found.Count == 0) throw new ResolveException($"type {n.FullName} not found");
        return (found[0].Asm, found[0].Handle);
    }

    static readonly Dictionary<string, SignatureTypeCode> Primitives = new()
    {
        ["System.Void"] = SignatureTypeCode.Void, ["System.Boolean"] = SignatureTypeCode.Boolean, ["System.Char"] = SignatureTypeCode.Char,
        ["System.SByte"] = SignatureTypeCode.SByte, ["System.Byte"] = SignatureTypeCode.Byte, ["System.Int16"] = SignatureTypeCode.Int16,
        ["System.UInt16"] = SignatureTypeCode.UInt16, ["System.Int32"] = SignatureTypeCode.Int32, ["System.UInt32"] = SignatureTypeCode.UInt32,
        ["System.Int64"] = SignatureTypeCode.Int64, ["System.UInt64"] = SignatureTypeCode.UInt64, ["System.Single"] = SignatureTypeCode.Single,
        ["System.Double"] = SignatureTypeCode.Double, ["System.String"] = SignatureTypeCode.String, ["System.IntPtr"] = SignatureTypeCode.IntPtr,
        ["System.UIntPtr"] = SignatureTypeCode.UIntPtr, ["System.Object"] = SignatureTypeCode.Object,
        // names used by the JIT's method summaries
        ["bool"] = SignatureTypeCode.Boolean, ["char"] = SignatureTypeCode.Char, ["sbyte"] = SignatureTypeCode.SByte, ["byte"] = SignatureTypeCode.Byte,
        ["ubyte"] = SignatureTypeCode.Byte, ["short"] = SignatureTypeCode.Int16, ["ushort"] = SignatureTypeCode.UInt16, ["int"] = SignatureTypeCode.Int32,
        ["uint"] = SignatureTypeCode.UInt32, ["long"] = SignatureTypeCode.Int64, ["ulong"] = SignatureTypeCode.UInt64, ["float"] = SignatureTypeCode.Single,
        ["double"] = SignatureTypeCode.Double, ["nint"] = SignatureTypeCode.IntPtr, ["nuint"] = SignatureTypeCode.UIntPtr,
    };

    TSig ParseType(string s, ref int pos, string? asmHint, bool allowPrimitive = true)
    {
        string? asm = asmHint;
        if (pos < s.Length && s[pos] == '[')
        {
            int close = s.IndexOf(']', pos);
            if (close < 0) throw new ResolveException("unterminated [Assembly]");
            asm = s[(pos + 1)..close];
            pos = close + 1;
        }
        int start = pos;
        while (pos < s.Length && "[],*&( ".IndexOf(s[pos]) < 0) pos++;
        var name = s[start..pos];
        if (name.Length == 0) throw new ResolveException($"empty type name at {start} in '{s}'");

        TSig t;
        if (name == "System.__Canon") t = new CanonSig();
        else if (allowPrimitive && Primitives.TryGetValue(name, out var prim)) t = new PrimSig(prim);
        else
        {
            var found = set.FindType(name, asm);
            if (found.Count == 0) throw new ResolveException($"type {name} not found");
            t = set.Named(found[0].Asm, found[0].Handle);
        }
        if (pos < s.Length && s[pos] == '[' && pos + 1 < s.Length && s[pos + 1] != ']' && s[pos + 1] != ',')
        {
            if (t is not NamedSig ns) throw new ResolveException($"{name} cannot be instantiated");
            var args = ParseArgList(s, ref pos);
            t = new GenericInstSig(ns, args);
        }
        while (pos < s.Length)
        {
            char c = s[pos];
            if (c == '*') { t = new PtrSig(t); pos++; }
            else if (c == '&') { t = new ByRefSig(t); pos++; }
            else if (c == '[' && pos + 1 < s.Length && (s[pos + 1] == ']' || s[pos + 1] == ','))
            {
                int rank = 1; pos++;
                while (s[pos] == ',') { rank++; pos++; }
                if (s[pos] != ']') throw new ResolveException("bad array suffix");
                pos++;
                t = rank == 1 ? new SzArraySig(t) : new ArraySig(t, new ArrayShape(rank, [], []));
            }
            else break;
        }
        return t;
    }

    ImmutableArray<TSig> ParseArgList(string s, ref int pos)
    {
        if (s[pos] != '[') throw new ResolveException("expected '['");
        pos++;
        var b = ImmutableArray.CreateBuilder<TSig>();
        while (true)
        {
            b.Add(ParseType(s, ref pos, null));
            if (pos >= s.Length) throw new ResolveException("unterminated generic argument list");
            if (s[pos] == ',') { pos++; continue; }
            if (s[pos] == ']') { pos++; break; }
            throw new ResolveException($"unexpected '{s[pos]}' in generic argument list");
        }
        return b.ToImmutable();
    }

    [GeneratedRegex(@"/\*.*?\*/")] private static partial Regex Comment();
    [GeneratedRegex(@"\b(class|valuetype)\s+")] private static partial Regex Keyword();
    [GeneratedRegex(@"\[[A-Za-z0-9_.\-]+\](?=[A-Za-z_<])")] private static partial Regex AsmPrefix();

    public static string Normalise(string p)
    {
        p = Comment().Replace(p, "");
        p = Keyword().Replace(p, "");
        p = AsmPrefix().Replace(p, "");
        p = p.Replace('/', '+');
        return new string(p.Where(c => !char.IsWhiteSpace(c)).ToArray());
    }

    static string Shape(IEnumerable<string> kinds) => string.Join(",", kinds);
    static string KindOf(TSig t) => t switch { ModifiedSig m => KindOf(m.Unmodified), ByRefSig => "&", PtrSig => "*", _ => "v" };

    static List<string> SplitTopLevel(string p)
    {
        var r = new List<string>(); int depth = 0, start = 0;
        for (int i = 0; i < p.Length; i++)
        {
            char c = p[i];
            if (c is '<' or '(' or '[') depth++;
            else if (c is '>' or ')' or ']') depth--;
            else if (c == ',' && depth == 0) { r.Add(p[start..i]); start = i + 1; }
        }
        if (p.Trim().Length > 0) r.Add(p[start..]);
        return r;
    }

    static int FindTypeMethodColon(string s)
    {
        int depth = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '[') depth++;
            else if (c == ']') depth--;
            else if (c == ':' && depth == 0 && (i + 1 >= s.Length || s[i + 1] != ':')) return i;
        }
        return -1;
    }

    static int CountTopLevelParams(string p)
    {
        p = Comment().Replace(p, "").Trim();
        if (p.Length == 0) return 0;
        int depth = 0, count = 1;
        foreach (var c in p)
        {
            if (c is '<' or '(' or '[') depth++;
            else if (c is '>' or ')' or ']') depth--;
            else if (c == ',' && depth == 0) count++;
        }
        return count;
    }
}
