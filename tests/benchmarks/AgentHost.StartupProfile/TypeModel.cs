using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Text;

namespace AgentHost.StartupProfile;

/// <summary>A type as it appears in a signature, independent of any metadata reader.</summary>
abstract record TSig
{
    public abstract string Render();
    public override string ToString() => Render();
}

sealed record PrimSig(SignatureTypeCode Code) : TSig
{
    public override string Render() => Code switch
    {
        SignatureTypeCode.Void => "void",
        SignatureTypeCode.Boolean => "bool",
        SignatureTypeCode.Char => "char",
        SignatureTypeCode.SByte => "int8",
        SignatureTypeCode.Byte => "uint8",
        SignatureTypeCode.Int16 => "int16",
        SignatureTypeCode.UInt16 => "uint16",
        SignatureTypeCode.Int32 => "int32",
        SignatureTypeCode.UInt32 => "uint32",
        SignatureTypeCode.Int64 => "int64",
        SignatureTypeCode.UInt64 => "uint64",
        SignatureTypeCode.Single => "float32",
        SignatureTypeCode.Double => "float64",
        SignatureTypeCode.String => "string",
        SignatureTypeCode.IntPtr => "native int",
        SignatureTypeCode.UIntPtr => "native uint",
        SignatureTypeCode.Object => "object",
        SignatureTypeCode.TypedReference => "typedref",
        _ => Code.ToString(),
    };
}

/// <summary>A named (non-instantiated) type: defining assembly + full name with '+' for nesting.</summary>
sealed record NamedSig(string Assembly, string Namespace, ImmutableArray<string> Names, bool IsValueType) : TSig
{
    public string FullName => (Namespace.Length > 0 ? Namespace + "." : "") + string.Join("+", Names);
    public override string Render() => FullName;
    public bool Equals(NamedSig? o) => o is not null && o.Assembly == Assembly && o.FullName == FullName;
    public override int GetHashCode() => HashCode.Combine(Assembly, FullName);
}

/// <summary>System.__Canon, encoded as [System.Private.Canon]System.__Canon like dotnet-pgo does.</summary>
sealed record CanonSig() : TSig
{
    public override string Render() => "System.__Canon";
}

sealed record GenericInstSig(NamedSig Def, ImmutableArray<TSig> Args) : TSig
{
    public override string Render() => Def.FullName + "<" + string.Join(",", Args.Select(a => a.Render())) + ">";
    public bool Equals(GenericInstSig? o) => o is not null && Def.Equals(o.Def) && Args.SequenceEqual(o.Args);
    public override int GetHashCode() { var h = new HashCode(); h.Add(Def); foreach (var a in Args) h.Add(a); return h.ToHashCode(); }
}

sealed record SzArraySig(TSig Elem) : TSig { public override string Render() => Elem.Render() + "[]"; }
sealed record ArraySig(TSig Elem, ArrayShape Shape) : TSig
{
    public override string Render() => Elem.Render() + "[" + new string(',', Shape.Rank - 1) + "]";
    public bool Equals(ArraySig? o) => o is not null && Elem.Equals(o.Elem) && Shape.Rank == o.Shape.Rank;
    public override int GetHashCode() => HashCode.Combine(Elem, Shape.Rank);
}
sealed record PtrSig(TSig Elem) : TSig { public override string Render() => Elem.Render() + "*"; }
sealed record ByRefSig(TSig Elem) : TSig { public override string Render() => Elem.Render() + "&"; }
sealed record PinnedSig(TSig Elem) : TSig { public override string Render() => Elem.Render() + " pinned"; }
sealed record GenParamSig(int Index, bool IsMethod) : TSig { public override string Render() => (IsMethod ? "!!" : "!") + Index; }
sealed record ModifiedSig(TSig Modifier, TSig Unmodified, bool IsRequired) : TSig
{
    // perf maps do not print custom modifiers: render only the unmodified type
    public override string Render() => Unmodified.Render();
}
sealed record FnPtrSig(MethodSignature<TSig> Sig) : TSig
{
    public override string Render() => "method " + Sig.ReturnType.Render() + " *(" + string.Join(",", Sig.ParameterTypes.Select(p => p.Render())) + ")";
    public bool Equals(FnPtrSig? o) => o is not null && Sig.Header.RawValue == o.Sig.Header.RawValue && Sig.ReturnType.Equals(o.Sig.ReturnType) && Sig.ParameterTypes.SequenceEqual(o.Sig.ParameterTypes);
    public override int GetHashCode() => HashCode.Combine(Sig.Header.RawValue, Sig.ParameterTypes.Length);
}

/// <summary>A resolved method: its declaring type (possibly instantiated), its definition signature and the method instantiation.</summary>
sealed record ResolvedMethod(TSig DeclaringType, string Name, MethodSignature<TSig> DefSignature, ImmutableArray<TSig> MethodInst, string DefiningAssembly)
{
    public string Key
    {
        get
        {
            var sb = new StringBuilder();
            sb.Append(DeclaringType.Render()).Append("::").Append(Name);
            if (!MethodInst.IsDefaultOrEmpty) sb.Append('<').Append(string.Join(",", MethodInst.Select(a => a.Render()))).Append('>');
            sb.Append('(').Append(string.Join(",", DefSignature.ParameterTypes.Select(p => p.Render()))).Append(')');
            return sb.ToString();
        }
    }
}
