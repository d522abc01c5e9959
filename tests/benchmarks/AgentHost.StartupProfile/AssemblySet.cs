using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace AgentHost.StartupProfile;

/// <summary>All IL assemblies of the application (e.g. obj/.../linked), indexed by type full name.</summary>
sealed class AssemblySet : IDisposable
{
    public sealed class Asm
    {
        public required string Name;
        public required PEReader PE;
        public required MetadataReader MD;
        public Version Version = new();
        public byte[] PublicKeyToken = [];
    }

    public readonly Dictionary<string, Asm> ByName = new(StringComparer.OrdinalIgnoreCase);
    // full name ("Ns.Outer+Inner") -> definitions
    readonly Dictionary<string, List<(Asm Asm, TypeDefinitionHandle Handle)>> _types = new();
    readonly Dictionary<(Asm, TypeDefinitionHandle), NamedSig> _namedCache = new();

    public AssemblySet(IEnumerable<string> dirsOrFiles)
    {
        foreach (var entry in dirsOrFiles)
        {
            var files = Directory.Exists(entry) ? Directory.GetFiles(entry, "*.dll") : [entry];
            foreach (var f in files) TryAdd(f);
        }
        foreach (var asm in ByName.Values)
            foreach (var h in asm.MD.TypeDefinitions)
            {
                var name = FullName(asm.MD, h);
                if (!_types.TryGetValue(name, out var list)) _types[name] = list = new();
                list.Add((asm, h));
            }
    }

    void TryAdd(string path)
    {
        try
        {
            var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata) { pe.Dispose(); return; }
            var md = pe.GetMetadataReader();
            if (!md.IsAssembly) { pe.Dispose(); return; }
            var def = md.GetAssemblyDefinition();
            var name = md.GetString(def.Name);
            if (ByName.ContainsKey(name)) { pe.Dispose(); return; }
            var an = def.GetAssemblyName();
            ByName[name] = new Asm { Name = name, PE = pe, MD = md, Version = def.Version, PublicKeyToken = an.GetPublicKeyToken() ?? [] };
        }
        catch (BadImageFormatException) { }
    }

    public static string FullName(MetadataReader md, TypeDefinitionHandle h)
    {
        var td = md.GetTypeDefinition(h);
        var name = md.GetString(td.Name);
        var decl = td.GetDeclaringType();
        if (!decl.IsNil) return FullName(md, decl) + "+" + name;
        var ns = md.GetString(td.Namespace);
        return ns.Length > 0 ? ns + "." + name : name;
    }

    public IReadOnlyList<(Asm Asm, TypeDefinitionHandle Handle)> FindType(string fullName, string? assembly)
    {
        if (!_types.TryGetValue(fullName, out var list)) return [];
        if (assembly != null)
        {
            var inAsm = list.Where(t => t.Asm.Name.Equals(assembly, StringComparison.OrdinalIgnoreCase)).ToList();
            if (inAsm.Count > 0) return inAsm;
        }
        return list;
    }

    public NamedSig Named(Asm asm, TypeDefinitionHandle h)
    {
        if (_namedCache.TryGetValue((asm, h), out var n)) return n;
        var md = asm.MD;
        var names = new List<string>();
        var cur = h;
        string ns = "";
        while (true)
        {
            var td = md.GetTypeDefinition(cur);
            names.Insert(0, md.GetString(td.Name));
            var decl = td.GetDeclaringType();
            if (decl.IsNil) { ns = md.GetString(td.Namespace); break; }
            cur = decl;
        }
        n = new NamedSig(asm.Name, ns, names.ToImmutableArray(), IsValueType(asm, h));
        _namedCache[(asm, h)] = n;
        return n;
    }

    bool IsValueType(Asm asm, TypeDefinitionHandle h)
    {
        var md = asm.MD;
        var td = md.GetTypeDefinition(h);
        if ((td.Attributes & TypeAttributes.Interface) != 0) return false;
        var bt = td.BaseType;
        string? baseName = bt.Kind switch
        {
            HandleKind.TypeReference => TypeRefFullName(md, (TypeReferenceHandle)bt),
            HandleKind.TypeDefinition => FullName(md, (TypeDefinitionHandle)bt),
            _ => null,
        };
        var self = FullName(md, h);
        if (self == "System.Enum") return false;
        return baseName is "System.ValueType" or "System.Enum";
    }

    public static string TypeRefFullName(MetadataReader md, TypeReferenceHandle h)
    {
        var tr = md.GetTypeReference(h);
        var name = md.GetString(tr.Name);
        if (tr.ResolutionScope.Kind == HandleKind.TypeReference)
            return TypeRefFullName(md, (TypeReferenceHandle)tr.ResolutionScope) + "+" + name;
        var ns = md.GetString(tr.Namespace);
        return ns.Length > 0 ? ns + "." + name : name;
    }

    /// <summary>Resolves a TypeRef of <paramref name="asm"/> to the real definition (following forwarders by name).</summary>
    public NamedSig ResolveRef(Asm asm, TypeReferenceHandle h, bool isValueTypeHint)
    {
        var md = asm.MD;
        var full = TypeRefFullName(md, h);
        // scope assembly name (outermost)
        var cur = h;
        while (md.GetTypeReference(cur).ResolutionScope.Kind == HandleKind.TypeReference)
            cur = (TypeReferenceHandle)md.GetTypeReference(cur).ResolutionScope;
        var scope = md.GetTypeReference(cur).ResolutionScope;
        string? scopeAsm = scope.Kind == HandleKind.AssemblyReference ? md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) : null;
        var found = FindType(full, scopeAsm);
        if (found.Count > 0) return Named(found[0].Asm, found[0].Handle);
        // unresolvable: keep it as a reference to the scope assembly
        var parts = full.Split('+');
        var lastDot = parts[0].LastIndexOf('.');
        var ns = lastDot < 0 ? "" : parts[0][..lastDot];
        parts[0] = lastDot < 0 ? parts[0] : parts[0][(lastDot + 1)..];
        return new NamedSig(scopeAsm ?? asm.Name, ns, parts.ToImmutableArray(), isValueTypeHint);
    }

    public void Dispose() { foreach (var a in ByName.Values) a.PE.Dispose(); }
}

/// <summary>Decodes signatures of one assembly into the reader-independent TSig model.</summary>
sealed class SigProvider(AssemblySet set, AssemblySet.Asm asm) : ISignatureTypeProvider<TSig, object?>
{
    public TSig GetPrimitiveType(PrimitiveTypeCode typeCode) => new PrimSig((SignatureTypeCode)typeCode);
    public TSig GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => set.Named(asm, handle);
    public TSig GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => set.ResolveRef(asm, handle, rawTypeKind == (byte)SignatureTypeKind.ValueType);
    public TSig GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        => reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    public TSig GetSZArrayType(TSig elementType) => new SzArraySig(elementType);
    public TSig GetArrayType(TSig elementType, ArrayShape shape) => new ArraySig(elementType, shape);
    public TSig GetByReferenceType(TSig elementType) => new ByRefSig(elementType);
    public TSig GetPointerType(TSig elementType) => new PtrSig(elementType);
    public TSig GetPinnedType(TSig elementType) => new PinnedSig(elementType);
    public TSig GetGenericInstantiation(TSig genericType, ImmutableArray<TSig> typeArguments) => new GenericInstSig((NamedSig)genericType, typeArguments);
    public TSig GetGenericTypeParameter(object? genericContext, int index) => new GenParamSig(index, false);
    public TSig GetGenericMethodParameter(object? genericContext, int index) => new GenParamSig(index, true);
    public TSig GetModifiedType(TSig modifier, TSig unmodifiedType, bool isRequired) => new ModifiedSig(modifier, unmodifiedType, isRequired);
    public TSig GetFunctionPointerType(MethodSignature<TSig> signature) => new FnPtrSig(signature);
}
