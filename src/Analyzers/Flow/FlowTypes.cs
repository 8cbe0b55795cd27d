using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using PleoUxGuard.Analyzers.Secrets;

namespace PleoUxGuard.Analyzers.Flow;

/// <summary>Which types can hold (part of) a secret's text; numbers, flags, dates and exceptions cannot.</summary>
internal static class FlowTypes
{
    public static bool CanCarry(ITypeSymbol? type)
    {
        if (type is null)
        {
            // Untyped operands (null literal, lambdas) carry nothing worth following.
            return false;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
            case SpecialType.System_Object:
            case SpecialType.System_Char:
                // The common answers, without the walk up the base types below.
                return true;
            case SpecialType.System_Boolean:
            case SpecialType.System_SByte:
            case SpecialType.System_Byte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
            case SpecialType.System_Decimal:
            case SpecialType.System_DateTime:
            case SpecialType.System_Void:
            case SpecialType.System_IntPtr:
            case SpecialType.System_UIntPtr:
                return false;
        }

        // By kind, so that each type is compared only with the names of its own kind (this runs for every
        // candidate operand and every step of the flow).
        switch (type.TypeKind)
        {
            case TypeKind.Enum:
            case TypeKind.Delegate:
            case TypeKind.Pointer:
            case TypeKind.FunctionPointer:
                return false;
            case TypeKind.Struct:
                if (type is INamedTypeSymbol { IsGenericType: true } named
                    && named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                {
                    return CanCarry(named.TypeArguments[0]);
                }

                return !IsNamed(type, "CancellationToken", "System.Threading")
                    && !IsNamed(type, "EventId", "Microsoft.Extensions.Logging")
                    && !IsNamed(type, "TimeSpan", "System")
                    && !IsNamed(type, "DateTimeOffset", "System")
                    && !IsNamed(type, "Guid", "System");
            case TypeKind.Interface:
                return !IsNamed(type, "IFormatProvider", "System");
            case TypeKind.Class:
                return !IsDerivedFrom(type, "Exception", "System")
                    && !IsNamed(type, "Type", "System")
                    && !(IsNamed(type, "Task", "System.Threading.Tasks") && type is INamedTypeSymbol { IsGenericType: false });
            default:
                return true;
        }
    }

    /// <summary>
    /// Whether a value of <paramref name="type"/> prints only its type's name where it becomes text (a log hole not
    /// marked <c>@</c>, an interpolation, a concatenation): a struct or sealed class, not a record, anonymous type or
    /// tuple, neither a collection (a logger prints a collection's items) nor formattable, whose <c>ToString</c> is
    /// <c>object</c>'s or <c>ValueType</c>'s own. What its members hold does not show.
    /// </summary>
    /// <remarks>A class that is not sealed may be a derived type's object with a <c>ToString</c> of its own.</remarks>
    public static bool PrintsTypeName(INamedTypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None || type.IsRecord || type.IsAnonymousType || type.IsTupleType
            || !(type.TypeKind == TypeKind.Struct || (type.TypeKind == TypeKind.Class && type.IsSealed))
            || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return false;
        }

        if (PrintsItemsOrFormats(type))
        {
            return false;
        }

        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers("ToString"))
            {
                // An override, and a `new string ToString()` too: a caller of the type's own ToString gets its text.
                if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 0 })
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a value of <paramref name="type"/> is made text by code of this project that PUX003 judges: a
    /// <c>ToString</c> override the type declares or inherits from a type declared here, or a record's own
    /// <c>ToString</c> or <c>PrintMembers</c>. What that code prints is reported there, once, not at every call that
    /// prints the object (a <c>ToString</c> that shows only the key's last four would be reported at each).
    /// </summary>
    /// <remarks>A record with the compiler's printing is not: PUX003 reports its members, and each call prints them.</remarks>
    public static bool PrintsByCodeJudgedHere(INamedTypeSymbol type)
    {
        if (type.SpecialType != SpecialType.None || type.IsAnonymousType || type.IsTupleType || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return false;
        }

        if (PrintsItemsOrFormats(type))
        {
            return false;
        }

        if (type.IsRecord)
        {
            return DeclaresInSource(type, "ToString", parameters: 0) || DeclaresInSource(type, "PrintMembers", parameters: 1);
        }

        for (var current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            foreach (var member in current.GetMembers("ToString"))
            {
                if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 0 } toString)
                {
                    // The nearest ToString prints the object: judged when it is an override written here (PUX003 does not
                    // judge a `new string ToString()`).
                    return toString.IsOverride && !toString.IsImplicitlyDeclared && !toString.DeclaringSyntaxReferences.IsEmpty;
                }
            }
        }

        return false;
    }

    /// <summary>A collection (a logger prints its items) or a formattable type (its text depends on the format asked).</summary>
    private static bool PrintsItemsOrFormats(INamedTypeSymbol type)
    {
        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.SpecialType == SpecialType.System_Collections_IEnumerable || IsNamed(implemented, "IFormattable", "System"))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DeclaresInSource(INamedTypeSymbol type, string name, int parameters)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is IMethodSymbol { IsStatic: false, IsImplicitlyDeclared: false } method && method.Parameters.Length == parameters && !method.DeclaringSyntaxReferences.IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="value"/>, made text by its <c>ToString</c>, shows nothing this use of it should be
    /// judged for: its static type prints only its name, or prints by code PUX003 judges
    /// (<see cref="SecretModel.PrintsNothingToJudge"/>), and no user-defined conversion on the way turns it into text of
    /// its own (<c>implicit operator string</c>, which overload resolution picks over <c>object</c>).
    /// </summary>
    public static bool PrintsNothingToJudge(IOperation value, SecretModel model)
    {
        var current = value;
        while (current is IConversionOperation conversion)
        {
            if (conversion.OperatorMethod is not null)
            {
                return false;
            }

            current = conversion.Operand;
        }

        // An interpolated string handler (Debug.Assert's, a logger's) is the text it builds, whatever its struct prints.
        return current is not IInterpolatedStringHandlerCreationOperation && model.PrintsNothingToJudge(current.Type);
    }

    /// <summary>
    /// A <c>KeyValuePair&lt;TKey, TValue&gt;</c>'s (or a <c>DictionaryEntry</c>'s, or a gRPC metadata entry's) <c>Value</c>, what its collection holds under the pair's key, and a
    /// dictionary's <c>Values</c>, all it holds (its <c>Keys</c> are only the entries' names).
    /// </summary>
    public static bool IsPairValue(ISymbol member)
    {
        var owner = member.ContainingType;
        switch (member.Name)
        {
            case "Value":
                return owner switch
                {
                    { IsGenericType: false, Name: "DictionaryEntry" } => IsNamespace(owner.ContainingNamespace, "System.Collections"),
                    // A gRPC metadata entry: entry.Value of foreach (var entry in context.RequestHeaders), Get("…")?.Value.
                    { IsGenericType: false, Name: "Entry" } => IsNamed(owner.ContainingType, "Metadata", "Grpc.Core"),
                    _ => owner is { IsGenericType: true } && IsNamed(owner.OriginalDefinition, "KeyValuePair", "System.Collections.Generic"),
                };
            case "Values":
                return owner is { IsGenericType: true, ContainingNamespace: { } ns }
                    && (IsNamespace(ns, "System.Collections.Generic") || IsNamespace(ns, "System.Collections.Concurrent") || IsNamespace(ns, "System.Collections.Immutable"));
            default:
                return false;
        }
    }

    /// <summary><c>System.BinaryData</c>: the bytes of a Service Bus or Event Hubs message's body.</summary>
    public static bool IsBinaryData(ISymbol? symbol) => IsNamed(symbol, "BinaryData", "System");

    /// <summary>Compares name and namespace without building display strings (this runs for every followed operand).</summary>
    public static bool IsNamed(ISymbol? symbol, string name, string containingNamespace) =>
        symbol is not null && symbol.Name == name && IsNamespace(symbol.ContainingNamespace, containingNamespace);

    public static bool IsNamespace(INamespaceSymbol? ns, string dotted)
    {
        var end = dotted.Length;
        for (var current = ns; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
        {
            var name = current.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0)
            {
                return false;
            }

            if (start == 0)
            {
                return current.ContainingNamespace is null || current.ContainingNamespace.IsGlobalNamespace;
            }

            if (dotted[start - 1] != '.')
            {
                return false;
            }

            end = start - 1;
        }

        return false;
    }

    /// <summary>The outermost namespace of <paramref name="symbol"/> (<c>Serilog</c> for <c>Serilog.Context.LogContext</c>), or null in the global one.</summary>
    public static string? RootNamespace(ISymbol symbol)
    {
        var ns = symbol.ContainingNamespace;
        while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is null || ns.IsGlobalNamespace ? null : ns.Name;
    }

    /// <summary>The type or one of its base types has the name and namespace.</summary>
    public static bool IsDerivedFrom(ITypeSymbol? type, string name, string containingNamespace)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (IsNamed(current, name, containingNamespace))
            {
                return true;
            }
        }

        return false;
    }
}
