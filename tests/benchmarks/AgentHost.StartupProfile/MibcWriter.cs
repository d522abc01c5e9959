using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace AgentHost.StartupProfile;

/// <summary>
/// Writes a .mibc in the layout dotnet-pgo's MibcEmitter produces and crossgen2's MIbcProfileParser reads:
/// an IL-only PE whose &lt;Module&gt; type has a method AssemblyDictionary
///     ldstr "DefiningAsm;OtherAsm;...;"  ldtoken GroupMethod  pop   (per group)
/// and per group a method
///     ldtoken &lt;method&gt;  [ldstr "ExclusiveWeight" ldc.r8 w]  pop     (per method)
/// </summary>
sealed class MibcWriter(AssemblySet set)
{
    readonly MetadataBuilder _md = new();
    readonly BlobBuilder _il = new();
    readonly Dictionary<string, AssemblyReferenceHandle> _asmRefs = new();
    readonly Dictionary<(string Asm, string Full), TypeReferenceHandle> _typeRefs = new();
    readonly Dictionary<TSig, TypeSpecificationHandle> _typeSpecs = new();
    readonly SortedDictionary<string, List<(ResolvedMethod M, double Weight)>> _groups = new(StringComparer.Ordinal);

    public void Add(ResolvedMethod m, double weight)
    {
        var asms = new SortedSet<string>(StringComparer.Ordinal);
        CollectAssemblies(m.DeclaringType, asms);
        foreach (var a in m.MethodInst) CollectAssemblies(a, asms);
        asms.Remove(m.DefiningAssembly);
        var name = m.DefiningAssembly + ";" + string.Concat(asms.Select(a => a + ";"));
        if (!_groups.TryGetValue(name, out var list)) _groups[name] = list = new();
        list.Add((m, weight));
    }

    static void CollectAssemblies(TSig t, ISet<string> into)
    {
        switch (t)
        {
            case NamedSig n: into.Add(n.Assembly); break;
            case GenericInstSig g: into.Add(g.Def.Assembly); foreach (var a in g.Args) CollectAssemblies(a, into); break;
            case SzArraySig s: CollectAssemblies(s.Elem, into); break;
            case ArraySig s: CollectAssemblies(s.Elem, into); break;
            case PtrSig s: CollectAssemblies(s.Elem, into); break;
            case ByRefSig s: CollectAssemblies(s.Elem, into); break;
        }
    }

    public int GroupCount => _groups.Count;

    public void Write(string path, bool zip)
    {
        var asmName = Path.GetFileName(path);
        _md.AddAssembly(_md.GetOrAddString(Path.GetFileNameWithoutExtension(path)), new Version(0, 0, 0, 0), default, default, 0, AssemblyHashAlgorithm.None);
        _md.AddModule(0, _md.GetOrAddString(asmName + ".dll"), _md.GetOrAddGuid(Guid.NewGuid()), default, default);

        var bodies = new MethodBodyStreamEncoder(_il);
        var voidSig = new BlobBuilder();
        new BlobEncoder(voidSig).MethodSignature().Parameters(0, r => r.Void(), p => { });
        var voidSigHandle = _md.GetOrAddBlob(voidSig);

        // group methods first (their handles are needed by AssemblyDictionary), then AssemblyDictionary
        var groupMethods = new List<(string Name, MethodDefinitionHandle Handle)>();
        int methodRow = 1;
        var pending = new List<(string Name, int BodyOffset)>();
        int i = 0;
        foreach (var (groupName, methods) in _groups)
        {
            var enc = new InstructionEncoder(new BlobBuilder());
            foreach (var (m, w) in methods)
            {
                enc.OpCode(ILOpCode.Ldtoken);
                enc.Token(MethodToken(m));
                if (w != 0)
                {
                    enc.LoadString(_md.GetOrAddUserString("ExclusiveWeight"));
                    enc.LoadConstantR8(w);
                }
                enc.OpCode(ILOpCode.Pop);
            }
            enc.OpCode(ILOpCode.Ret);
            int off = bodies.AddMethodBody(enc, maxStack: 8);
            var mname = "Assemblies_" + (groupName.Length > 200 ? groupName[..200] : groupName) + "_" + (++i);
            pending.Add((mname, off));
            groupMethods.Add((groupName, MetadataTokens.MethodDefinitionHandle(methodRow++)));
        }
        var dict = new InstructionEncoder(new BlobBuilder());
        foreach (var (gname, h) in groupMethods)
        {
            dict.LoadString(_md.GetOrAddUserString(gname));
            dict.OpCode(ILOpCode.Ldtoken);
            dict.Token(h);
            dict.OpCode(ILOpCode.Pop);
        }
        dict.OpCode(ILOpCode.Ret);
        pending.Add(("AssemblyDictionary", bodies.AddMethodBody(dict, maxStack: 8)));

        MethodDefinitionHandle first = default;
        foreach (var (name, off) in pending)
        {
            var h = _md.AddMethodDefinition(MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig,
                MethodImplAttributes.IL, _md.GetOrAddString(name), voidSigHandle, off, default);
            if (first.IsNil) first = h;
        }
        _md.AddTypeDefinition(default, default, _md.GetOrAddString("<Module>"), default,
            MetadataTokens.FieldDefinitionHandle(1), first);

        var pe = new ManagedPEBuilder(new PEHeaderBuilder(imageCharacteristics: Characteristics.Dll | Characteristics.ExecutableImage),
            new MetadataRootBuilder(_md), _il, flags: CorFlags.ILOnly);
        var blob = new BlobBuilder();
        pe.Serialize(blob);
        var bytes = blob.ToArray();
        if (File.Exists(path)) File.Delete(path);
        if (zip)
        {
            using var z = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create);
            using var s = z.CreateEntry(asmName + ".dll").Open();
            s.Write(bytes);
        }
        else File.WriteAllBytes(path, bytes);
    }

    EntityHandle MethodToken(ResolvedMethod m)
    {
        EntityHandle parent = m.DeclaringType switch
        {
            NamedSig n => TypeRef(n),
            GenericInstSig g => TypeSpec(g),
            _ => throw new InvalidOperationException(),
        };
        var sig = new BlobBuilder();
        EncodeMethodSig(sig, m.DefSignature);
        var memberRef = _md.AddMemberReference(parent, _md.GetOrAddString(m.Name), _md.GetOrAddBlob(sig));
        if (m.MethodInst.IsDefaultOrEmpty) return memberRef;
        var inst = new BlobBuilder();
        inst.WriteByte(0x0A); // IMAGE_CEE_CS_CALLCONV_GENERICINST
        inst.WriteCompressedInteger(m.MethodInst.Length);
        foreach (var a in m.MethodInst) EncodeType(inst, a);
        return _md.AddMethodSpecification(memberRef, _md.GetOrAddBlob(inst));
    }

    void EncodeMethodSig(BlobBuilder b, MethodSignature<TSig> s)
    {
        b.WriteByte(s.Header.RawValue);
        if (s.Header.IsGeneric) b.WriteCompressedInteger(s.GenericParameterCount);
        b.WriteCompressedInteger(s.ParameterTypes.Length);
        EncodeType(b, s.ReturnType);
        foreach (var p in s.ParameterTypes) EncodeType(b, p);
    }

    void EncodeType(BlobBuilder b, TSig t)
    {
        switch (t)
        {
            case PrimSig p: b.WriteByte((byte)p.Code); break;
            case NamedSig n:
                b.WriteByte(n.IsValueType ? (byte)0x11 : (byte)0x12);
                b.WriteCompressedInteger(CodedIndex.TypeDefOrRefOrSpec(TypeRef(n)));
                break;
            case CanonSig:
                b.WriteByte(0x12);
                b.WriteCompressedInteger(CodedIndex.TypeDefOrRefOrSpec(CanonRef()));
                break;
            case GenericInstSig g:
                b.WriteByte(0x15);
                b.WriteByte(g.Def.IsValueType ? (byte)0x11 : (byte)0x12);
                b.WriteCompressedInteger(CodedIndex.TypeDefOrRefOrSpec(TypeRef(g.Def)));
                b.WriteCompressedInteger(g.Args.Length);
                foreach (var a in g.Args) EncodeType(b, a);
                break;
            case SzArraySig s: b.WriteByte(0x1D); EncodeType(b, s.Elem); break;
            case ArraySig a:
                b.WriteByte(0x14); EncodeType(b, a.Elem);
                b.WriteCompressedInteger(a.Shape.Rank);
                b.WriteCompressedInteger(a.Shape.Sizes.Length); foreach (var x in a.Shape.Sizes) b.WriteCompressedInteger(x);
                b.WriteCompressedInteger(a.Shape.LowerBounds.Length); foreach (var x in a.Shape.LowerBounds) b.WriteCompressedSignedInteger(x);
                break;
            case PtrSig p: b.WriteByte(0x0F); EncodeType(b, p.Elem); break;
            case ByRefSig r: b.WriteByte(0x10); EncodeType(b, r.Elem); break;
            case PinnedSig p: b.WriteByte(0x45); EncodeType(b, p.Elem); break;
            case GenParamSig g: b.WriteByte(g.IsMethod ? (byte)0x1E : (byte)0x13); b.WriteCompressedInteger(g.Index); break;
            case ModifiedSig m:
                b.WriteByte(m.IsRequired ? (byte)0x1F : (byte)0x20);
                b.WriteCompressedInteger(CodedIndex.TypeDefOrRefOrSpec(m.Modifier switch
                {
                    NamedSig n => (EntityHandle)TypeRef(n),
                    _ => TypeSpec(m.Modifier),
                }));
                EncodeType(b, m.Unmodified);
                break;
            case FnPtrSig f: b.WriteByte(0x1B); EncodeMethodSig(b, f.Sig); break;
            default: throw new NotSupportedException(t.GetType().Name);
        }
    }

    TypeSpecificationHandle TypeSpec(TSig t)
    {
        if (_typeSpecs.TryGetValue(t, out var h)) return h;
        var b = new BlobBuilder();
        EncodeType(b, t);
        h = _md.AddTypeSpecification(_md.GetOrAddBlob(b));
        _typeSpecs[t] = h;
        return h;
    }

    AssemblyReferenceHandle AsmRef(string name)
    {
        if (_asmRefs.TryGetValue(name, out var h)) return h;
        Version v = new(0, 0, 0, 0);
        byte[] token = [];
        if (set.ByName.TryGetValue(name, out var a)) { v = a.Version; token = a.PublicKeyToken; }
        h = _md.AddAssemblyReference(_md.GetOrAddString(name), v, default,
            token.Length > 0 ? _md.GetOrAddBlob(token) : default, default, default);
        _asmRefs[name] = h;
        return h;
    }

    TypeReferenceHandle CanonRef()
    {
        var key = ("System.Private.Canon", "System.__Canon");
        if (_typeRefs.TryGetValue(key, out var h)) return h;
        h = _md.AddTypeReference(AsmRef("System.Private.Canon"), _md.GetOrAddString("System"), _md.GetOrAddString("__Canon"));
        _typeRefs[key] = h;
        return h;
    }

    TypeReferenceHandle TypeRef(NamedSig n) => TypeRef(n.Assembly, n.Namespace, n.Names, n.Names.Length);

    TypeReferenceHandle TypeRef(string asm, string ns, ImmutableArray<string> names, int depth)
    {
        var full = ns + "." + string.Join("+", names.Take(depth));
        if (_typeRefs.TryGetValue((asm, full), out var h)) return h;
        if (depth == 1)
            h = _md.AddTypeReference(AsmRef(asm), _md.GetOrAddString(ns), _md.GetOrAddString(names[0]));
        else
            h = _md.AddTypeReference(TypeRef(asm, ns, names, depth - 1), default, _md.GetOrAddString(names[depth - 1]));
        _typeRefs[(asm, full)] = h;
        return h;
    }
}
