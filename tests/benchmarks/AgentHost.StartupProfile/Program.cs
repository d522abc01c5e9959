using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using AgentHost.StartupProfile;

const string Usage = """
MibcGen: writes a .mibc profile (the format crossgen2 --mibc / PublishReadyToRunPgoFiles reads) from a method list.

  MibcGen --refs <dir|dll> [--refs ...] --in <methods.txt> --out <file.mibc> [--zip] [--unresolved <file>] [--weight <w>]
  MibcGen --dump <file.mibc>

  --refs        IL assemblies the methods live in; for a trimmed publish use obj/<cfg>/<tfm>/<rid>/linked
  --in          one method per line (perf-map lines work as they are; '#' starts a comment), see README
  --unresolved  also write the lines that could not be resolved (with the reason) to this file
  --zip         write the zipped form (default: plain PE, which crossgen2 also accepts)
  --weight      ExclusiveWeight to record for every method (default: none)
""";

var refs = new List<string>();
string? input = null, output = null, dump = null, unresolvedPath = null;
bool zip = false;
double weight = 0;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--refs": refs.Add(args[++i]); break;
        case "--in": input = args[++i]; break;
        case "--out": output = args[++i]; break;
        case "--dump": dump = args[++i]; break;
        case "--zip": zip = true; break;
        case "--unresolved": unresolvedPath = args[++i]; break;
        case "--weight": weight = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        default: Console.Error.WriteLine(Usage); return 2;
    }
}

if (dump != null) return Dumper.Dump(dump);
if (input == null || output == null || refs.Count == 0) { Console.Error.WriteLine(Usage); return 2; }

using var set = new AssemblySet(refs);
Console.WriteLine($"loaded {set.ByName.Count} assemblies");
var parser = new InputParser(set);
var writer = new MibcWriter(set);
var seen = new HashSet<string>();
var unresolved = new List<string>();
int lines = 0, added = 0, dup = 0;
foreach (var raw in File.ReadLines(input))
{
    var line = raw;
    int hash = line.IndexOf('#');
    if (hash == 0 || line.TrimStart().StartsWith('#')) continue;
    if (string.IsNullOrWhiteSpace(line)) continue;
    lines++;
    try
    {
        foreach (var (m, note) in parser.Resolve(line))
        {
            if (!seen.Add(m.Key)) { dup++; continue; }
            writer.Add(m, weight);
            added++;
            if (note != null) Console.WriteLine($"note: {m.Key}: {note}");
        }
    }
    catch (ResolveException e) { unresolved.Add($"{e.Message}\t{line.Trim()}"); }
    catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or NotSupportedException)
    { unresolved.Add($"{e.GetType().Name}: {e.Message}\t{line.Trim()}"); }
}
writer.Write(output, zip);
Console.WriteLine($"{lines} input lines: {added} methods written in {writer.GroupCount} groups to {output}, {dup} duplicates, {unresolved.Count} unresolved");
foreach (var u in unresolved) Console.Error.WriteLine("UNRESOLVED: " + u);
if (unresolvedPath != null) File.WriteAllLines(unresolvedPath, unresolved);
return 0;

static class Dumper
{
    public static int Dump(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (!(bytes[0] == 'M' && bytes[1] == 'Z'))
        {
            using var z = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
            var e = z.GetEntry(Path.GetFileName(path) + ".dll") ?? throw new InvalidDataException("zip has no <name>.dll entry");
            using var s = e.Open(); var ms = new MemoryStream(); s.CopyTo(ms); bytes = ms.ToArray();
        }
        using var pe = new PEReader(ImmutableArray.Create(bytes));
        var md = pe.GetMetadataReader();
        var module = md.GetTypeDefinition(MetadataTokens.TypeDefinitionHandle(1));
        var methods = module.GetMethods().Select(h => (h, md.GetMethodDefinition(h))).ToList();
        var dict = methods.Single(m => md.GetString(m.Item2.Name) == "AssemblyDictionary");
        var r = new Renderer(md);
        int total = 0;
        foreach (var (groupName, groupHandle) in WalkDictionary(pe, md, dict.Item2))
        {
            var g = md.GetMethodDefinition(groupHandle);
            var entries = WalkGroup(pe, md, g).ToList();
            Console.WriteLine($"group \"{groupName}\" -> {md.GetString(g.Name)}: {entries.Count} methods");
            foreach (var (tok, extra) in entries) Console.WriteLine("    " + r.Method(tok) + extra);
            total += entries.Count;
        }
        Console.WriteLine($"total {total} methods");
        return 0;
    }

    static IEnumerable<(string, MethodDefinitionHandle)> WalkDictionary(PEReader pe, MetadataReader md, MethodDefinition m)
    {
        var il = pe.GetMethodBody(m.RelativeVirtualAddress).GetILReader();
        string? name = null;
        while (il.RemainingBytes > 0)
        {
            var op = ReadOp(ref il);
            if (op == ILOpCode.Ldstr) name = md.GetUserString(MetadataTokens.UserStringHandle(il.ReadInt32() & 0xFFFFFF));
            else if (op == ILOpCode.Ldtoken) { var t = il.ReadInt32(); if (name != null) yield return (name, (MethodDefinitionHandle)MetadataTokens.EntityHandle(t)); }
            else ILOpcodeSkip(op, ref il);
            if (op == ILOpCode.Pop) name = null;
        }
    }

    static IEnumerable<(EntityHandle, string)> WalkGroup(PEReader pe, MetadataReader md, MethodDefinition m)
    {
        var il = pe.GetMethodBody(m.RelativeVirtualAddress).GetILReader();
        EntityHandle? cur = null; string extra = "";
        while (il.RemainingBytes > 0)
        {
            var op = ReadOp(ref il);
            switch (op)
            {
                case ILOpCode.Ldtoken: { var t = MetadataTokens.EntityHandle(il.ReadInt32()); if (cur == null) cur = t; else extra += " [token]"; break; }
                case ILOpCode.Ldstr: extra += " " + md.GetUserString(MetadataTokens.UserStringHandle(il.ReadInt32() & 0xFFFFFF)); break;
                case ILOpCode.Ldc_r8: extra += "=" + il.ReadDouble(); break;
                case ILOpCode.Ldc_r4: extra += "=" + il.ReadSingle(); break;
                case ILOpCode.Ldc_i4: extra += "=" + il.ReadInt32(); break;
                case ILOpCode.Ldc_i8: il.ReadInt64(); extra += " i8"; break;
                case ILOpCode.Ldc_i4_s: extra += "=" + il.ReadSByte(); break;
                case ILOpCode.Pop: if (cur != null) yield return (cur.Value, extra); cur = null; extra = ""; break;
                default: ILOpcodeSkip(op, ref il); break;
            }
        }
    }

    static ILOpCode ReadOp(ref BlobReader il)
    {
        int b = il.ReadByte();
        return b == 0xFE ? (ILOpCode)(0xFE00 | il.ReadByte()) : (ILOpCode)b;
    }

    static ILOpCode ILOpcodeSkip(ILOpCode op, ref BlobReader il)
    {
        // operand sizes of the opcodes a mibc can contain
        switch (op)
        {
            case ILOpCode.Ldc_i4_s: il.ReadByte(); break;
            case ILOpCode.Ldc_i4: case ILOpCode.Ldstr: case ILOpCode.Ldtoken: case ILOpCode.Ldc_r4: il.ReadInt32(); break;
            case ILOpCode.Ldc_i8: case ILOpCode.Ldc_r8: il.ReadInt64(); break;
        }
        return ILOpCode.Nop;
    }
}

sealed class Renderer(MetadataReader md) : ISignatureTypeProvider<string, object?>
{
    public string Method(EntityHandle h)
    {
        switch (h.Kind)
        {
            case HandleKind.MemberReference:
                {
                    var mr = md.GetMemberReference((MemberReferenceHandle)h);
                    var sig = mr.DecodeMethodSignature(this, null);
                    return $"{Parent(mr.Parent)}::{md.GetString(mr.Name)}({string.Join(",", sig.ParameterTypes)})";
                }
            case HandleKind.MethodSpecification:
                {
                    var ms = md.GetMethodSpecification((MethodSpecificationHandle)h);
                    var inst = ms.DecodeSignature(this, null);
                    return Method(ms.Method) + " <" + string.Join(",", inst) + ">";
                }
            case HandleKind.MethodDefinition:
                return "methoddef " + md.GetString(md.GetMethodDefinition((MethodDefinitionHandle)h).Name);
            default: return h.Kind.ToString();
        }
    }
    string Parent(EntityHandle p) => p.Kind switch
    {
        HandleKind.TypeReference => GetTypeFromReference(md, (TypeReferenceHandle)p, 0),
        HandleKind.TypeSpecification => md.GetTypeSpecification((TypeSpecificationHandle)p).DecodeSignature(this, null),
        _ => p.Kind.ToString(),
    };
    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => new PrimSig((SignatureTypeCode)typeCode).Render();
    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => "typedef";
    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        var tr = md.GetTypeReference(handle);
        var name = md.GetString(tr.Name);
        if (tr.ResolutionScope.Kind == HandleKind.TypeReference) return GetTypeFromReference(reader, (TypeReferenceHandle)tr.ResolutionScope, 0) + "+" + name;
        var ns = md.GetString(tr.Namespace);
        var scope = tr.ResolutionScope.Kind == HandleKind.AssemblyReference ? md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)tr.ResolutionScope).Name) : "?";
        return $"[{scope}]{(ns.Length > 0 ? ns + "." : "")}{name}";
    }
    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) => md.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    public string GetSZArrayType(string elementType) => elementType + "[]";
    public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
    public string GetByReferenceType(string elementType) => elementType + "&";
    public string GetPointerType(string elementType) => elementType + "*";
    public string GetPinnedType(string elementType) => elementType + " pinned";
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";
    public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;
    public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";
    public string GetFunctionPointerType(MethodSignature<string> signature) => "method " + signature.ReturnType + " *(" + string.Join(",", signature.ParameterTypes) + ")";
}
